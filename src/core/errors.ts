/** A problem the person who sent the input can fix: safe to show them, never logged as a bug. */
export class UserError extends Error {
  override name = 'UserError' as const;
  constructor(
    message: string,
    /** The help line of the command concerned, shown under the message. */
    readonly usage?: string,
  ) {
    super(message);
  }
}

/** Input that is not a digest we can read; the message names what is wrong (the caller adds the file). */
export class ParseError extends Error {
  override name = 'ParseError' as const;
}

/** A publisher was told to slow down: wait `retryAfterMs` and try the same message again. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError' as const;
  constructor(readonly retryAfterMs: number, message = `rate limited, retry after ${retryAfterMs} ms`) {
    super(message);
  }
}

/** A publish failure worth retrying with backoff (5xx, timeout, connection reset). */
export class TransientPublishError extends Error {
  override name = 'TransientPublishError' as const;
}

/** A publish failure that will not go away by retrying (channel deleted, bot removed, no permission). */
export class PermanentPublishError extends Error {
  override name = 'PermanentPublishError' as const;
}

/**
 * The recommender is still fitting its first model (minutes on a large archive, in a worker): ask
 * again in a minute. Chat answers it with a "still learning" note, a taste-ranked digest keeps
 * today's order, and a digest plan that meets it retries at its next tick.
 */
export class RecommenderNotReady extends Error {
  override name = 'RecommenderNotReady' as const;
  constructor(message = 'Still learning your archive (the recommender is fitting its model): try again in a minute.') {
    super(message);
  }
}
