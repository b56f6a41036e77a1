import pino from 'pino';
import type { Logger } from '../core/logger.js';

/**
 * Every place a token or secret can sit in a logged object: our config shapes (slack.botToken,
 * discord.token, …), HTTP errors that carry their request (`err.config.headers.Authorization` from
 * the Slack Web API client, `headers.authorization` elsewhere) and the usual names one or two levels
 * down. Defence in depth: the code does not log these on purpose, but a logged error or config
 * object must not leak them either.
 */
const SECRET_KEYS = ['token', 'botToken', 'appToken', 'signingSecret', 'clientSecret', 'stateSecret', 'secret', 'password', 'authorization', 'Authorization', 'cookie'];
export const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `*.*.${k}`),
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.headers.cookie',
  'err.config.headers.Authorization',
  'err.config.headers.authorization',
  'err.request.headers.authorization',
  'config.headers.Authorization',
];

/** pino for the bot: JSON lines to `destination` (stderr: in the local mode stdout is the chat), secrets redacted. */
export function createLogger(level: string, destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino({ level, base: undefined, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination) as unknown as Logger;
}
