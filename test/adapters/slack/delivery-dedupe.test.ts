import { describe, expect, it } from 'vitest';
import { createDeliveryDedupe, deliveryKey, SEEN_RETENTION_MS } from '../../../src/adapters/slack/delivery-dedupe.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import type { SeenEventStore } from '../../../src/core/store/seen-events.js';

function memorySeen(): SeenEventStore & { keys: Map<string, Date>; forgotten: Date[] } {
  const keys = new Map<string, Date>();
  const forgotten: Date[] = [];
  return {
    keys,
    forgotten,
    async firstSeen(key, at) {
      if (keys.has(key)) return false;
      keys.set(key, at);
      return true;
    },
    async forgetBefore(before) {
      forgotten.push(before);
      return 0;
    },
  };
}

/** Runs the middleware on `body`; says whether it passed the delivery on and whether it acked. */
async function run(mw: ReturnType<typeof createDeliveryDedupe>, body: object, withAck = true) {
  const seen = { next: 0, ack: 0 };
  const args = {
    body,
    context: { retryNum: 1 },
    next: async () => void seen.next++,
    ...(withAck ? { ack: async () => void seen.ack++ } : {}),
  };
  await mw(args as never);
  return seen;
}

describe('Slack delivery de-duplication', () => {
  it('keys events by event_id and commands/interactions by trigger_id; nothing else is keyed', () => {
    expect(deliveryKey({ type: 'event_callback', event_id: 'Ev1' })).toBe('slack:event:Ev1');
    expect(deliveryKey({ command: '/papers', trigger_id: '1.2.a' })).toBe('slack:command:1.2.a');
    expect(deliveryKey({ type: 'block_actions', trigger_id: '3.4.b' })).toBe('slack:interaction:3.4.b');
    expect(deliveryKey({ type: 'event_callback' })).toBeUndefined();
    expect(deliveryKey({ type: 'block_actions', trigger_id: 'x'.repeat(500) })).toBeUndefined();
    expect(deliveryKey(null)).toBeUndefined();
  });

  it('passes a first delivery on; a repeat is acked (interactions) and goes no further', async () => {
    const seen = memorySeen();
    const mw = createDeliveryDedupe({ seen, logger: createRecordingLogger() });
    const click = { type: 'block_actions', trigger_id: '9.9.z' };
    expect(await run(mw, click)).toEqual({ next: 1, ack: 0 });
    expect(await run(mw, click)).toEqual({ next: 0, ack: 1 });
    const event = { type: 'event_callback', event_id: 'Ev7' };
    expect(await run(mw, event, false)).toEqual({ next: 1, ack: 0 });
    expect(await run(mw, event, false)).toEqual({ next: 0, ack: 0 });
    expect(await run(mw, { type: 'event_callback' }, false)).toEqual({ next: 1, ack: 0 });
  });

  it('handles the delivery when the shared store fails (twice beats never), and logs it', async () => {
    const logger = createRecordingLogger();
    const broken: SeenEventStore = { firstSeen: async () => Promise.reject(new Error('database is locked')), forgetBefore: async () => 0 };
    const mw = createDeliveryDedupe({ seen: broken, logger });
    expect(await run(mw, { type: 'event_callback', event_id: 'Ev8' }, false)).toEqual({ next: 1, ack: 0 });
    expect(logger.records.some((r) => r.level === 'warn' && /de-duplication unavailable/.test(r.msg ?? ''))).toBe(true);
  });

  it('forgets keys older than the retention, at most every ten minutes', async () => {
    const seen = memorySeen();
    let now = new Date('2026-01-05T10:00:00Z');
    const mw = createDeliveryDedupe({ seen, logger: createRecordingLogger(), now: () => now });
    await run(mw, { type: 'event_callback', event_id: 'A' }, false);
    now = new Date(now.getTime() + 60_000);
    await run(mw, { type: 'event_callback', event_id: 'B' }, false);
    now = new Date(now.getTime() + 10 * 60_000);
    await run(mw, { type: 'event_callback', event_id: 'C' }, false);
    expect(seen.forgotten.map((d) => d.toISOString())).toEqual([
      new Date(Date.parse('2026-01-05T10:00:00Z') - SEEN_RETENTION_MS).toISOString(),
      new Date(Date.parse('2026-01-05T10:11:00Z') - SEEN_RETENTION_MS).toISOString(),
    ]);
  });
});
