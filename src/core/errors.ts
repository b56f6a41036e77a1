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
