import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { MAX_SEEN_KEY_LENGTH, type SeenEventStore } from '../../core/store/seen-events.js';

/** Slack retries an event 3 times within about 5 minutes; an hour covers them with room to spare. */
export const SEEN_RETENTION_MS = 3600_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/** What identifies one delivery: the event id, or an interaction's trigger id. */
export function deliveryKey(body: unknown): string | undefined {
  const b = (body ?? {}) as { type?: unknown; event_id?: unknown; trigger_id?: unknown; command?: unknown };
  let key: string | undefined;
  if (b.type === 'event_callback' && typeof b.event_id === 'string' && b.event_id) key = `slack:event:${b.event_id}`;
  else if (typeof b.trigger_id === 'string' && b.trigger_id) key = `slack:${typeof b.command === 'string' ? 'command' : 'interaction'}:${b.trigger_id}`;
  return key && key.length <= MAX_SEEN_KEY_LENGTH ? key : undefined;
}

/**
 * Global Bolt middleware: a delivery some instance already took (Slack retried it, maybe to
 * another instance behind the load balancer) is acknowledged and goes no further. If the shared
 * store cannot answer, the delivery is handled: twice is better than never.
 */
export function createDeliveryDedupe(opts: { seen: SeenEventStore; logger: Logger; now?: () => Date }): Middleware<AnyMiddlewareArgs> {
  const now = opts.now ?? (() => new Date());
  let lastPrune = 0;
  return async (args) => {
    const key = deliveryKey(args.body);
    if (!key) return args.next();
    const at = now();
    let first = true;
    try {
      first = await opts.seen.firstSeen(key, at);
      if (at.getTime() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = at.getTime();
        await opts.seen.forgetBefore(new Date(at.getTime() - SEEN_RETENTION_MS));
      }
    } catch (err) {
      opts.logger.warn({ key, err }, 'delivery de-duplication unavailable; handling it anyway');
    }
    if (first) return args.next();
    opts.logger.info({ key, retryNum: args.context.retryNum, retryReason: args.context.retryReason }, 'duplicate delivery ignored');
    // Events were acknowledged by Bolt already; a command or click still needs its ack.
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
  };
}
