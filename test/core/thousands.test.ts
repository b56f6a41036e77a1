import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counted, thousands } from '../../src/core/thousands.js';

describe('thousands', () => {
  it('writes a whole number as toLocaleString("en-US") does', () => {
    expect(thousands(20000)).toBe('20,000');
    expect(thousands(999)).toBe('999');
    expect(thousands(1000)).toBe('1,000');
    expect(thousands(-1234567)).toBe('-1,234,567');
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: Number.MIN_SAFE_INTEGER, max: 0 }), fc.integer({ min: -1e6, max: 1e6 })), (n) => {
        expect(thousands(n)).toBe(n.toLocaleString('en-US'));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves what is not a safe whole number to toLocaleString', () => {
    for (const n of [1234.5678, 1e21, Number.NaN, Number.POSITIVE_INFINITY]) expect(thousands(n)).toBe(n.toLocaleString('en-US'));
  });
});

describe('counted', () => {
  it('names one thing in the singular and every other count, zero too, in the plural, grouped', () => {
    expect(counted(1, 'paper')).toBe('1 paper');
    expect(counted(0, 'paper')).toBe('0 papers');
    expect(counted(42118, 'paper matches', 'papers match')).toBe('42,118 papers match');
    expect(counted(1, 'paper matches', 'papers match')).toBe('1 paper matches');
  });
});
