import { describe, expect, it } from 'vitest';
import { createTurnQueue } from '../../../src/adapters/discord/turn-queue.js';

describe('turn queue: one job per event-loop turn', () => {
  it('runs jobs in arrival order, and lets work queued by the loop in between', async () => {
    const q = createTurnQueue();
    const log: string[] = [];
    const a = q.run(async () => {
      log.push('a');
      // Stands for a socket read: a callback of the next turn must run before job b starts.
      setImmediate(() => log.push('io'));
      return 1;
    });
    const b = q.run(async () => {
      log.push('b');
      return 2;
    });
    expect(q.waiting).toBe(2);
    expect(await Promise.all([a, b])).toEqual([1, 2]);
    expect(log).toEqual(['a', 'io', 'b']);
    expect(q.waiting).toBe(0);
  });

  it('a job that throws, synchronously or not, rejects its own promise and the next still runs', async () => {
    const q = createTurnQueue();
    const sync = q.run((() => {
      throw new Error('sync boom');
    }) as () => Promise<number>);
    const async_ = q.run(async () => {
      throw new Error('async boom');
    });
    const ok = q.run(async () => 'fine');
    await expect(sync).rejects.toThrow('sync boom');
    await expect(async_).rejects.toThrow('async boom');
    expect(await ok).toBe('fine');
  });
});
