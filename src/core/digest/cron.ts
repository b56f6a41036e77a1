/**
 * A small cron parser (5 fields: minute hour day-of-month month day-of-week) so the core can place
 * cron subscriptions without node-cron, which only the composition root may import. Days of the
 * week (`mon-fri`, `mon,wed`) use the same field grammar.
 */

/** When a schedule fires, as sets of allowed values; `undefined` means "any". */
export interface ScheduleFields {
  minutes: number[];
  hours: number[];
  daysOfMonth?: number[];
  months?: number[];
  /** 0 = Sunday … 6 = Saturday. */
  daysOfWeek?: number[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const MACROS: Record<string, string> = {
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

/** Thrown with a message naming the bad part; the engine turns it into a UserError. */
export class CronSyntaxError extends Error {
  override name = 'CronSyntaxError' as const;
}

function value(token: string, min: number, max: number, names: string[] | undefined, field: string): number {
  const t = token.toLowerCase();
  if (names) {
    // Accept full names too ("monday", "january").
    const key = t.length > 3 && FULL.has(t) ? t.slice(0, 3) : t;
    const i = names.indexOf(key);
    if (i >= 0) return i + (field === 'month' ? 1 : 0);
  }
  if (!/^\d+$/.test(t)) throw new CronSyntaxError(`"${token}" is not a valid ${field}`);
  const n = Number(t);
  if (n < min || n > max) throw new CronSyntaxError(`${field} ${n} is out of range (${min}-${max})`);
  return n;
}

const FULL = new Set([
  'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'tues', 'thur', 'thurs', 'sept',
]);

/** One cron field (`*`, `*\/15`, `1-5`, `mon,wed`, `9-17/2`) → sorted values, or undefined for `*`. */
export function parseField(text: string, min: number, max: number, field: string, names?: string[]): number[] | undefined {
  const out = new Set<number>();
  let any = false;
  for (const part of text.split(',')) {
    if (!part) throw new CronSyntaxError(`empty item in ${field} "${text}"`);
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw new CronSyntaxError(`"${part}" has two steps`);
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronSyntaxError(`"${stepText}" is not a valid step in ${field}`);
    let lo: number;
    let hi: number;
    if (range === '*') {
      if (stepText === undefined) any = true;
      lo = min;
      hi = max;
    } else if (range.includes('-')) {
      const [a, b, c] = range.split('-');
      if (c !== undefined || !a || !b) throw new CronSyntaxError(`"${range}" is not a valid ${field} range`);
      lo = value(a, min, max, names, field);
      hi = value(b, min, max, names, field);
    } else {
      lo = value(range, min, max, names, field);
      hi = stepText === undefined ? lo : max;
    }
    if (hi < lo) {
      // Days wrap around the week (`fri-mon`); nothing else does.
      if (field !== 'day of week') throw new CronSyntaxError(`${field} range "${range}" goes backwards`);
      for (let v = lo; v <= hi + 7; v += step) out.add(v % 7);
      continue;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  if (any) return undefined;
  return [...out].sort((a, b) => a - b);
}

/** Days of the week as people write them: `mon-fri`, `mon,wed`, `weekdays`, `weekends`, `daily`. */
export function parseDays(text: string): number[] | undefined {
  const t = text.trim().toLowerCase().replace(/\s*([,-])\s*/g, '$1').replace(/\s+/g, ',');
  if (t === '' || t === '*' || t === 'daily' || t === 'every-day' || t === 'everyday' || t === 'all') return undefined;
  if (t === 'weekdays') return [1, 2, 3, 4, 5];
  if (t === 'weekends' || t === 'weekend') return [0, 6];
  const days = parseField(t, 0, 7, 'day of week', DAYS);
  return normalizeWeekdays(days);
}

function normalizeWeekdays(days: number[] | undefined): number[] | undefined {
  if (!days) return undefined;
  const set = new Set(days.map((d) => (d === 7 ? 0 : d)));
  return set.size === 7 ? undefined : [...set].sort((a, b) => a - b);
}

/** Parses a 5-field cron expression (or @daily/@weekly/@monthly). Throws CronSyntaxError. */
export function parseCron(expr: string): ScheduleFields {
  const trimmed = expr.trim().toLowerCase();
  const expanded = MACROS[trimmed] ?? trimmed;
  if (trimmed.startsWith('@') && !MACROS[trimmed]) throw new CronSyntaxError(`unknown cron macro "${trimmed}"`);
  const fields = expanded.split(/\s+/);
  if (fields.length !== 5) {
    throw new CronSyntaxError(`a cron expression has 5 fields (minute hour day month weekday), "${expr.trim()}" has ${fields.length}`);
  }
  const [mi, ho, dom, mon, dow] = fields as [string, string, string, string, string];
  const minutes = parseField(mi, 0, 59, 'minute') ?? range(0, 59);
  const hours = parseField(ho, 0, 23, 'hour') ?? range(0, 23);
  return {
    minutes,
    hours,
    daysOfMonth: parseField(dom, 1, 31, 'day of month'),
    months: parseField(mon, 1, 12, 'month', MONTHS),
    daysOfWeek: normalizeWeekdays(parseField(dow, 0, 7, 'day of week', DAYS)),
  };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/** Whether a local date is a firing day. Cron rule: when both day fields are restricted, either matches. */
export function dayMatches(f: ScheduleFields, d: { month: number; day: number; weekday: number }): boolean {
  if (f.months && !f.months.includes(d.month)) return false;
  const domOk = !f.daysOfMonth || f.daysOfMonth.includes(d.day);
  const dowOk = !f.daysOfWeek || f.daysOfWeek.includes(d.weekday);
  if (f.daysOfMonth && f.daysOfWeek) return domOk || dowOk;
  return domOk && dowOk;
}
