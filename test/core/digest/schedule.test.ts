import { describe, it, expect } from 'vitest';
import { decideDue, latestSlot, nextSlot, type Schedule } from '../../../src/core/digest/schedule.js';
import { parseCron, parseDays, CronSyntaxError } from '../../../src/core/digest/cron.js';
import { localToInstant } from '../../../src/core/digest/local-time.js';
import { mentions, parseTopics } from '../../../src/core/digest/topics.js';

const at = (iso: string) => Date.parse(iso);
const daily = (tz: string, h: number, m: number, daysOfWeek?: number[]): Schedule => ({ tz, hours: [h], minutes: [m], daysOfWeek });

describe('cron and days parsing', () => {
  it('reads fields, names, ranges, steps and macros', () => {
    expect(parseCron('30 9 * * mon-fri')).toEqual({ minutes: [30], hours: [9], daysOfMonth: undefined, months: undefined, daysOfWeek: [1, 2, 3, 4, 5] });
    expect(parseCron('0 */6 * * *').hours).toEqual([0, 6, 12, 18]);
    expect(parseCron('@weekly')).toMatchObject({ minutes: [0], hours: [0], daysOfWeek: [0] });
    expect(parseCron('0 8 1,15 jan-mar 7').months).toEqual([1, 2, 3]);
    expect(parseCron('0 8 * * 7').daysOfWeek).toEqual([0]);
  });
  it('rejects bad expressions with a message naming the part', () => {
    expect(() => parseCron('61 9 * * *')).toThrow(/minute 61 is out of range/);
    expect(() => parseCron('0 9 * *')).toThrow(/5 fields/);
    expect(() => parseCron('0 9 * * funday')).toThrow(CronSyntaxError);
    expect(() => parseCron('@often')).toThrow(/unknown cron macro/);
    expect(() => parseCron('0 17-9 * * *')).toThrow(/backwards/);
  });
  it('reads days of the week as people write them', () => {
    expect(parseDays('mon-fri')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('mon,wed')).toEqual([1, 3]);
    expect(parseDays('Monday, Wednesday')).toEqual([1, 3]);
    expect(parseDays('fri-mon')).toEqual([0, 1, 5, 6]);
    expect(parseDays('weekends')).toEqual([0, 6]);
    expect(parseDays('daily')).toBeUndefined();
    expect(parseDays('sun-sat')).toBeUndefined();
    expect(() => parseDays('someday')).toThrow(/not a valid day of week/);
  });
});

describe('local slots across DST', () => {
  it('places 02:30 on the US spring-forward day once, shifted into the day', () => {
    // 2026-03-08 02:30 does not exist in New York: it becomes 03:30 EDT = 07:30Z.
    expect(new Date(localToInstant(2026, 3, 8, 2, 30, 'America/New_York')).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    const s = daily('America/New_York', 2, 30);
    const slots: string[] = [];
    let t = at('2026-03-06T00:00:00Z');
    for (let i = 0; i < 4; i++) {
      t = nextSlot(s, t)!;
      slots.push(new Date(t).toISOString());
    }
    expect(slots).toEqual(['2026-03-06T07:30:00.000Z', '2026-03-07T07:30:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-09T06:30:00.000Z']);
  });
  it('places 01:30 on the fall-back day once (its first occurrence)', () => {
    const s = daily('America/New_York', 1, 30);
    const first = nextSlot(s, at('2026-11-01T00:00:00Z'))!;
    expect(new Date(first).toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(new Date(nextSlot(s, first)!).toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });
  it('keeps 09:00 Berlin at 09:00 local through the EU change', () => {
    const s = daily('Europe/Berlin', 9, 0);
    expect(new Date(latestSlot(s, at('2026-03-28T12:00:00Z'), 0)!).toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(new Date(latestSlot(s, at('2026-03-29T12:00:00Z'), 0)!).toISOString()).toBe('2026-03-29T07:00:00.000Z');
  });
});

describe('decideDue', () => {
  const s = daily('Europe/Berlin', 9, 0, [1, 2, 3, 4, 5]);
  const created = at('2026-03-01T00:00:00Z');
  it('runs a slot once: after it is recorded, nothing is due', () => {
    const now = at('2026-03-02T08:00:30Z'); // Monday 09:00:30 Berlin
    const d = decideDue([{ key: 'a', schedule: s, notBeforeMs: created }], now, 6 * 3600_000);
    expect(d).toEqual([{ key: 'a', action: 'run', slotMs: at('2026-03-02T08:00:00Z'), latenessMs: 30_000 }]);
    expect(decideDue([{ key: 'a', schedule: s, notBeforeMs: created, lastSlotMs: d[0]!.slotMs }], now, 6 * 3600_000)).toEqual([]);
  });
  it('posts a missed slot when less late than the limit, skips it when later', () => {
    const four = at('2026-03-02T12:00:00Z');
    expect(decideDue([{ key: 'a', schedule: s, notBeforeMs: created }], four, 6 * 3600_000)[0]!.action).toBe('run');
    const seven = at('2026-03-02T15:00:01Z');
    expect(decideDue([{ key: 'a', schedule: s, notBeforeMs: created }], seven, 6 * 3600_000)[0]).toMatchObject({ action: 'skip', latenessMs: 7 * 3600_000 + 1000 });
  });
  it('does not fire on days not chosen nor before the subscription existed', () => {
    const sunday = at('2026-03-08T10:00:00Z');
    const d = decideDue([{ key: 'a', schedule: s, notBeforeMs: at('2026-03-06T09:00:00Z') }], sunday, 6 * 3600_000);
    expect(d).toEqual([]);
  });
  it('after a week down, only the latest slot counts', () => {
    const d = decideDue([{ key: 'a', schedule: s, notBeforeMs: created, lastSlotMs: at('2026-03-02T08:00:00Z') }], at('2026-03-10T09:00:00Z'), 6 * 3600_000);
    expect(d).toEqual([{ key: 'a', action: 'run', slotMs: at('2026-03-10T08:00:00Z'), latenessMs: 3600_000 }]);
  });
});

describe('topic words', () => {
  it('parses include and negative topics', () => {
    expect(parseTopics('Model Merging, agents, -survey, , -Surveys')).toEqual({ include: ['model merging', 'agents'], exclude: ['survey', 'surveys'] });
  });
  it('matches whole words with plurals and -ing forms folded', () => {
    expect(mentions('A Survey of Model Merging', 'surveys')).toBe(true);
    expect(mentions('We merge two models', 'merging')).toBe(true);
    expect(mentions('Multi-agent systems', 'agents')).toBe(true);
    expect(mentions('Mathematics for all', 'math')).toBe(false);
    expect(mentions('Surveillance data', 'survey')).toBe(false);
  });
});
