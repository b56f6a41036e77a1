import pino from "pino";
const SECRET_KEYS = ["token", "botToken", "appToken", "signingSecret", "clientSecret", "stateSecret", "secret", "password", "authorization", "Authorization", "cookie"];
const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.Authorization",
  "*.headers.cookie",
  "err.config.headers.Authorization",
  "err.config.headers.authorization",
  "err.request.headers.authorization",
  "config.headers.Authorization"
];
function createLogger(level, destination = pino.destination(2)) {
  return pino({ level, base: void 0, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, destination);
}
export {
  REDACT_PATHS,
  createLogger
};
//# sourceMappingURL=create-logger.js.map
