import type { Schedule } from './schedule.js';

/** When a channel's weekly trends picture is posted: one weekday and time in the channel's zone. */
export interface WeeklyTrendsSetting {
  /** 0 = Sunday. */
  day: number;
  /** HH:MM, 24-hour. */
  time: string;
}

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_LABELS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The earlier weeks the weekly picture compares with (the same default as `/papers trends`). */
export const WEEKLY_TRENDS_WEEKS = 4;

/**
 * Reads `fri 16:00` (also `friday 16:00`, `fri@16:00`, `Fri 4:00`); `off` turns it off (null).
 * Returns a message naming what is wrong otherwise.
 */
export function parseWeeklyTrends(raw: string): WeeklyTrendsSetting | null | { error: string } {
  const s = raw.trim().toLowerCase();
  if (['off', 'none', 'no', 'false'].includes(s)) return null;
  const m = /^([a-z]+)[\s@,]+(\d{1,2}):(\d{2})$/.exec(s);
  if (!m) return { error: `--weekly-trends "${raw}": give a weekday and a time, e.g. fri 16:00 (or off)` };
  // Any prefix of three letters or more: fri, frid, friday, thurs.
  const day = m[1]!.length >= 3 ? DAYS.findIndex((d) => d.startsWith(m[1]!)) : -1;
  if (day < 0) return { error: `--weekly-trends: "${m[1]}" is not a weekday; use mon, tue, wed, thu, fri, sat or sun` };
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (h > 23 || min > 59) return { error: `--weekly-trends: "${m[2]}:${m[3]}" is not a time; use 24-hour HH:MM, e.g. 16:00` };
  return { day, time: `${String(h).padStart(2, '0')}:${m[3]}` };
}

/** "Fri 16:00". */
export const describeWeeklyTrends = (w: WeeklyTrendsSetting) => `${DAY_LABELS[w.day]} ${w.time}`;

/** The schedule the weekly picture fires on, in the channel's zone. */
export function weeklyTrendsSchedule(w: WeeklyTrendsSetting, tz: string): Schedule {
  const [h, m] = w.time.split(':').map(Number) as [number, number];
  return { tz, hours: [h], minutes: [m], daysOfWeek: [w.day] };
}
