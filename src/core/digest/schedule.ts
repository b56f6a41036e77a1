import { dayMatches, type ScheduleFields } from './cron.js';
import { addDays, localParts, localToInstant } from './local-time.js';

/** A channel's schedule: cron-like fields read in an IANA zone. `09:00 mon-fri` is one of these too. */
export interface Schedule extends ScheduleFields {
  tz: string;
}

const DAY = 86_400_000;
// A yearly cron (`0 9 1 1 *`) needs a year of look-around; daily ones stop after a step or two.
const MAX_DAYS = 400;

/** Slots of one local date, latest first. One instant per (date, hour, minute): DST cannot double a slot. */
function slotsOfDay(s: Schedule, d: { year: number; month: number; day: number }): number[] {
  const out: number[] = [];
  for (let h = s.hours.length - 1; h >= 0; h--) {
    for (let m = s.minutes.length - 1; m >= 0; m--) out.push(localToInstant(d.year, d.month, d.day, s.hours[h]!, s.minutes[m]!, s.tz));
  }
  return out.sort((a, b) => b - a);
}

/** The latest slot in (afterMs, nowMs], or undefined. */
export function latestSlot(s: Schedule, nowMs: number, afterMs: number): number | undefined {
  const today = localParts(nowMs, s.tz);
  for (let i = 0; i < MAX_DAYS; i++) {
    const d = addDays(today, -i);
    // A local date whose every slot is before afterMs ends the search (one day of margin for DST).
    if (Date.UTC(d.year, d.month - 1, d.day) + 2 * DAY < afterMs) return undefined;
    if (!dayMatches(s, d)) continue;
    for (const t of slotsOfDay(s, d)) {
      if (t > nowMs) continue;
      return t > afterMs ? t : undefined;
    }
  }
  return undefined;
}

/** The first slot strictly after `afterMs`, or undefined within a year. */
export function nextSlot(s: Schedule, afterMs: number): number | undefined {
  const start = localParts(afterMs, s.tz);
  for (let i = 0; i < MAX_DAYS; i++) {
    const d = addDays(start, i);
    if (!dayMatches(s, d)) continue;
    const later = slotsOfDay(s, d).filter((t) => t > afterMs);
    if (later.length) return Math.min(...later);
  }
  return undefined;
}

export interface DueInput<K> {
  key: K;
  schedule: Schedule;
  /** Slots at or before this instant are not this subscription's (it did not exist, or said otherwise). */
  notBeforeMs: number;
  /** The latest slot already run or skipped for this channel (ms), if any. */
  lastSlotMs?: number;
}

export type DueDecision<K> =
  | { key: K; action: 'run'; slotMs: number; latenessMs: number }
  /** Missed by more than the allowed lateness: recorded as skipped and logged, never posted. */
  | { key: K; action: 'skip'; slotMs: number; latenessMs: number };

/**
 * What is due now: for each subscription, its latest slot not yet handled. A slot less late than
 * `maxLatenessMs` runs, an older one is skipped. Pure: the same input always gives the same plan.
 * Only the latest missed slot counts, so a week of downtime posts at most one digest per channel.
 */
export function decideDue<K>(subs: Iterable<DueInput<K>>, nowMs: number, maxLatenessMs: number): DueDecision<K>[] {
  const out: DueDecision<K>[] = [];
  for (const sub of subs) {
    const after = Math.max(sub.notBeforeMs, sub.lastSlotMs ?? -Infinity);
    const slot = latestSlot(sub.schedule, nowMs, after);
    if (slot === undefined) continue;
    const latenessMs = nowMs - slot;
    out.push({ key: sub.key, action: latenessMs <= maxLatenessMs ? 'run' : 'skip', slotMs: slot, latenessMs });
  }
  return out;
}
