/**
 * Wall-clock time in an IANA zone, computed with Intl only (no tz library): enough to place a daily
 * slot on the right instant across daylight-saving changes.
 */

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    // Creating a formatter is the expensive part; 1,000 channels share a handful of zones.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The canonical name of a zone (`utc` → `UTC`), or undefined when Intl does not know it. */
export function canonicalTimeZone(tz: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

const recentParts = new Map<string, LocalParts & { second: number }>();

export function localParts(ms: number, tz: string): LocalParts & { second: number } {
  // A tick asks "what local day is it" for every channel at the same instant: remember the answers.
  const key = `${tz} ${ms}`;
  const hit = recentParts.get(key);
  if (hit) return { ...hit };
  if (recentParts.size > 5000) recentParts.clear();
  const out = computeParts(ms, tz);
  recentParts.set(key, out);
  return { ...out };
}

function computeParts(ms: number, tz: string): LocalParts & { second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const p of formatter(tz).formatToParts(new Date(ms))) {
    if (p.type === 'weekday') out.weekday = WEEKDAYS[p.value] ?? 0;
    else if (p.type in out) (out as Record<string, number>)[p.type] = Number(p.value);
  }
  return out;
}

/** Offset of the zone from UTC at an instant, in ms (Berlin in winter: +3,600,000). */
export function offsetAt(ms: number, tz: string): number {
  const p = localParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const DAY = 86_400_000;

/**
 * The instant of a local wall time. On a fall-back day an ambiguous time (01:30 twice) is its first
 * occurrence; on a spring-forward day a time in the gap (02:30) is shifted forward by the gap
 * (03:30), so each local date yields exactly one instant: a day is never skipped nor doubled.
 */
export function localToInstant(year: number, month: number, day: number, hour: number, minute: number, tz: string): number {
  // 1,000 channels at 09:00 in one zone ask the same question: answer it once.
  const key = `${tz} ${year}-${month}-${day} ${hour}:${minute}`;
  const hit = instants.get(key);
  if (hit !== undefined) return hit;
  if (instants.size > 50_000) instants.clear();
  const t = computeInstant(year, month, day, hour, minute, tz);
  instants.set(key, t);
  return t;
}

const instants = new Map<string, number>();

function computeInstant(year: number, month: number, day: number, hour: number, minute: number, tz: string): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetAt(wall - DAY, tz);
  const after = offsetAt(wall + DAY, tz);
  const candidates = [wall - before, wall - after].filter((t) => {
    const p = localParts(t, tz);
    return p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute;
  });
  if (candidates.length) return Math.min(...candidates);
  // In the gap: the wall time read with the offset in force before the change.
  return wall - before;
}

/** Calendar arithmetic on a local date (no zone involved). */
export function addDays(d: { year: number; month: number; day: number }, n: number): { year: number; month: number; day: number; weekday: number } {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), weekday: t.getUTCDay() };
}

export function isoDate(d: { year: number; month: number; day: number }): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
