class UserError extends Error {
  constructor(message, usage) {
    super(message);
    this.usage = usage;
  }
  usage;
  name = "UserError";
}
class ParseError extends Error {
  name = "ParseError";
}
class RateLimitedError extends Error {
  constructor(retryAfterMs, message = `rate limited, retry after ${retryAfterMs} ms`) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
  retryAfterMs;
  name = "RateLimitedError";
}
class TransientPublishError extends Error {
  name = "TransientPublishError";
}
class PermanentPublishError extends Error {
  name = "PermanentPublishError";
}
export {
  ParseError,
  PermanentPublishError,
  RateLimitedError,
  TransientPublishError,
  UserError
};
//# sourceMappingURL=errors.js.map
