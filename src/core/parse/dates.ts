/** Date helpers for digests that state their day only partly (`Apr 22`) or only in the file name. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The first YYYY-MM-DD (a real calendar day) in a file name, e.g. `2025-01-10.json`. */
export function dateFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const m = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(base);
  if (!m) return undefined;
  return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `YYYY-MM-DD` when the parts make a real day, else undefined. */
export function isoDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A YYYY-MM-DD string that is a real day, else undefined. */
export function validIsoDay(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A month name or abbreviation (`Apr`, `April`, `Sept.`) → 1..12. */
export function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '').slice(0, 3);
  const i = MONTHS.indexOf(key);
  if (i < 0) return undefined;
  // Reject words that merely start like a month ("Marvel"): the full name must be a prefix of the real one.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][i]!;
  const word = name.toLowerCase().replace(/\.$/, '');
  return full.startsWith(word) || (i === 8 && word === 'sept') ? i + 1 : undefined;
}

/** The most recent day with this month and day that is not after `now` (UTC). Feb 29 goes back to a leap year. */
export function nearestPastDay(month: number, day: number, now: Date): string | undefined {
  const today = isoDay(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  if (!today) return undefined;
  for (let year = now.getUTCFullYear(); year >= now.getUTCFullYear() - 8; year--) {
    const d = isoDay(year, month, day);
    if (d && d <= today) return d;
  }
  return undefined;
}

/** The day as written in an RFC 822 date (`Mon, 27 Apr 2026 00:00:00 -0400` → 2026-04-27): the feed's own day, not UTC's. */
export function rfc822Day(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})/.exec(value);
  if (!m) return undefined;
  const month = monthNumber(m[2]!);
  return month ? isoDay(Number(m[3]), month, Number(m[1])) : undefined;
}

/** An ISO 8601 timestamp from any date string Date can read, else undefined. */
export function toIsoTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
