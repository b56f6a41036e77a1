import type { Caller, Reply } from '../reply.js';

/**
 * What the commands layer asks of the digest engine (src/core/digest). Settings are validated by
 * the engine's zod schema; bad values throw UserError with a specific message.
 */
export interface DigestService {
  /** Create or replace the channel's subscription from the `subscribe` command's arguments. */
  subscribe(caller: Caller, settings: Record<string, unknown>): Promise<Reply>;
  unsubscribe(caller: Caller): Promise<Reply>;
  /** The subscriptions of the caller's workspace (or of the channel), for `subscriptions`. */
  list(caller: Caller): Promise<Reply>;
  /** What the channel's digest would post now, without posting or recording anything. */
  preview(caller: Caller): Promise<Reply>;
  /** The caller's own digest of recommendations by direct message (`for-me subscribe`): time, tz, days, top. */
  subscribePersonal(caller: Caller, settings: Record<string, unknown>): Promise<Reply>;
  unsubscribePersonal(caller: Caller): Promise<Reply>;
  /** Post the channel's digest now through the caller's platform publisher. */
  runNow(caller: Caller): Promise<Reply>;
}
