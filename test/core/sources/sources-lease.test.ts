import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/core/clock.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { createSourcesLease } from '../../../src/core/sources/sources-lease.js';
import { useBackends } from '../store/backends.js';

const backends = useBackends();

/** Counts what each instance's sources did. */
function recordingSources() {
  const log = { started: 0, ticks: 0, closed: 0 };
  return { log, start: () => (log.started++, { tick: async () => void log.ticks++, close: () => void log.closed++ }) };
}

describe.each(backends)('the live sources run on one instance at a time ($name)', (b) => {
  it('one holder ticks the sources; another takes over only once the lease lapses, and the old one stops', async () => {
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const s1 = await b.open({ clock });
    const s2 = await b.reopen(s1, { clock });
    const one = recordingSources();
    const two = recordingSources();
    const logger = createRecordingLogger();
    const a = createSourcesLease({ locks: s1.locks, holder: 'A', clock, logger, start: one.start, leaseMs: 180_000 });
    const c = createSourcesLease({ locks: s2.locks, holder: 'B', clock, logger, start: two.start, leaseMs: 180_000 });

    // A starts first; then ten minute ticks on both instances at once: only A fetches.
    expect((await a.tick()).held).toBe(true);
    await a.settled();
    clock.advance(60_000);
    for (let m = 1; m < 10; m++) {
      const [x, y] = await Promise.all([a.tick(), c.tick()]);
      expect(x.held !== y.held).toBe(true);
      await a.settled();
      clock.advance(60_000);
    }
    expect(one.log).toEqual({ started: 1, ticks: 10, closed: 0 });
    expect(two.log).toEqual({ started: 0, ticks: 0, closed: 0 });

    // A stops ticking (dead or stalled): B waits out the lease, then takes over.
    clock.advance(60_000);
    expect((await c.tick()).held).toBe(false);
    clock.advance(121_000);
    expect(await c.tick()).toEqual({ held: true, started: true });
    await c.settled();
    // A wakes up: it has lost the lease, so it closes its sources instead of fetching.
    expect((await a.tick()).held).toBe(false);
    expect(one.log).toEqual({ started: 1, ticks: 10, closed: 1 });
    expect(two.log).toEqual({ started: 1, ticks: 1, closed: 0 });
    // A clean shutdown hands the lease back at once.
    await c.close();
    expect((await a.tick()).held).toBe(true);
    expect(one.log.started).toBe(2);
  });
});

describe.each(backends)('a lease whose holder is gone ($name)', (b) => {
  it('is taken over at once when the holder is known gone, and waited out otherwise', async () => {
    const clock = createFakeClock('2026-03-02T09:00:00Z');
    const s1 = await b.open({ clock });
    const s2 = await b.reopen(s1, { clock });
    const logger = createRecordingLogger();
    const dead = createSourcesLease({ locks: s1.locks, holder: 'host:111:aa', clock, logger, start: recordingSources().start, leaseMs: 180_000 });
    expect((await dead.tick()).held).toBe(true);
    // The first process stops without handing the lease back (killed); a new one starts a minute later.
    clock.advance(60_000);
    const unsure = createSourcesLease({ locks: s2.locks, holder: 'host:222:bb', clock, logger, start: recordingSources().start, leaseMs: 180_000, isGone: () => false });
    expect((await unsure.tick()).held).toBe(false);
    const asked: string[] = [];
    const next = recordingSources();
    const sure = createSourcesLease({ locks: s2.locks, holder: 'host:333:cc', clock, logger, start: next.start, leaseMs: 180_000, isGone: (h) => (asked.push(h), h === 'host:111:aa') });
    expect((await sure.tick()).held).toBe(true);
    expect(asked).toEqual(['host:111:aa']);
    expect(next.log.started).toBe(1);
    expect(await s1.locks.holderOf('sources')).toBe('host:333:cc');
  });
});
