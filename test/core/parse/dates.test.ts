import { describe, expect, it } from 'vitest';
import { dateFromFileName, monthNumber, nearestPastDay, rfc822Day, toIsoTimestamp, validIsoDay } from '../../../src/core/parse/dates.js';
import { parseDateLine } from '../../../src/core/parse/digest-paragraphs.js';
import { splitAuthors } from '../../../src/core/parse/split-authors.js';

describe('date helpers', () => {
  it('dateFromFileName finds a real YYYY-MM-DD in the base name only', () => {
    expect(dateFromFileName('2025-01-10.json')).toBe('2025-01-10');
    expect(dateFromFileName('/data/2024-05-27/hf-2024-05-28.json')).toBe('2024-05-28');
    expect(dateFromFileName('digest_2024-02-30.txt')).toBeUndefined();
    expect(dateFromFileName('12024-01-011.txt')).toBeUndefined();
    expect(dateFromFileName(undefined)).toBeUndefined();
  });

  it('monthNumber reads names and abbreviations, not look-alikes', () => {
    expect([monthNumber('Apr'), monthNumber('april'), monthNumber('Sept.'), monthNumber('DEC')]).toEqual([4, 4, 9, 12]);
    expect(monthNumber('Marvel')).toBeUndefined();
    expect(monthNumber('Ma')).toBeUndefined();
  });

  it('nearestPastDay never returns a future day', () => {
    const now = new Date('2026-04-22T00:30:00Z');
    expect(nearestPastDay(4, 22, now)).toBe('2026-04-22');
    expect(nearestPastDay(4, 23, now)).toBe('2025-04-23');
    expect(nearestPastDay(12, 31, new Date('2027-01-01T08:00:00Z'))).toBe('2026-12-31');
    expect(nearestPastDay(2, 29, now)).toBe('2024-02-29');
  });

  it('rfc822Day keeps the day as the feed wrote it', () => {
    expect(rfc822Day('Mon, 27 Apr 2026 00:00:00 -0400')).toBe('2026-04-27');
    expect(rfc822Day('Thu, 24 Sep 2026 23:58:05 +0000')).toBe('2026-09-24');
    expect(rfc822Day('yesterday')).toBeUndefined();
    expect(rfc822Day(42)).toBeUndefined();
  });

  it('validIsoDay and toIsoTimestamp', () => {
    expect(validIsoDay('2024-12-11T10:14:42.640Z')).toBe('2024-12-11');
    expect(validIsoDay('2024-13-11')).toBeUndefined();
    expect(toIsoTimestamp('Mon, 2 Apr 2007 19:18:42 GMT')).toBe('2007-04-02T19:18:42.000Z');
    expect(toIsoTimestamp('not a date')).toBeUndefined();
  });

  it('parseDateLine reads date lines only', () => {
    expect(parseDateLine('Apr 22')).toEqual({ month: 4, day: 22 });
    expect(parseDateLine('Tuesday, April 22nd, 2025')).toEqual({ month: 4, day: 22, year: 2025 });
    expect(parseDateLine('22 Apr')).toEqual({ month: 4, day: 22 });
    expect(parseDateLine('Feb 29')).toEqual({ month: 2, day: 29 });
    for (const notDate of ['Apr 32', 'Orca 2', 'May 2024', 'Apr 22: A Paper', 'Hybrid Intelligence', '2024-02-30']) {
      expect(parseDateLine(notDate), notDate).toBeUndefined();
    }
  });

  it('splitAuthors splits arXiv author strings', () => {
    expect(splitAuthors('Michael Cooper, Samuel Cooper')).toEqual(['Michael Cooper', 'Samuel Cooper']);
    expect(splitAuthors('A. One, B. Two, and C. Three')).toEqual(['A. One', 'B. Two', 'C. Three']);
    expect(splitAuthors('Ileana Streinu and Louis Theran')).toEqual(['Ileana Streinu', 'Louis Theran']);
    expect(splitAuthors('')).toEqual([]);
  });
});
