import { describe, expect, it } from 'vitest';
import { createTurnstile } from '../../../src/adapters/slack/turnstile.js';

describe('turnstile', () => {
  it('lets waiting jobs through in order, one per event-loop turn', async () => {
    const t = createTurnstile();
    const order: string[] = [];
    const a = t.pass().then(() => {
      order.push('a');
      // work a job schedules for "right after it" runs before the next job is let through
      queueMicrotask(() => order.push('a-microtask'));
      setImmediate(() => order.push('a-io-turn'));
    });
    const b = t.pass().then(() => order.push('b'));
    const c = t.pass().then(() => order.push('c'));
    order.push('sync');
    await Promise.all([a, b, c]);
    expect(order.slice(0, 3)).toEqual(['sync', 'a', 'a-microtask']);
    expect(order.indexOf('b')).toBeLessThan(order.indexOf('c'));
    expect(order.indexOf('a-io-turn')).toBeLessThan(order.indexOf('c'));
  });
});
