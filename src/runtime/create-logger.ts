import { createRequire } from 'node:module';
import pino from 'pino';
import type PinoPretty from 'pino-pretty';
import type { Config } from '../config.js';
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

/** How log records are written: JSON lines for a collector, or one readable line each for a person (config.ts). */
export type LogFormat = NonNullable<Config['logFormat']>;

/**
 * pino for the bot, secrets redacted (before either format writes them): JSON lines to `destination`
 * (stderr: in the local mode stdout is the chat), or with `pretty` one line a record, its time,
 * level and message, then its fields as JSON (pino-pretty; an error's stack below it).
 */
export function createLogger(level: string, format: LogFormat = 'json', destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: undefined, redact: { paths: REDACT_PATHS, censor: '[redacted]' } };
  if (format === 'json') return pino(options, (destination as pino.DestinationStream | undefined) ?? pino.destination(2)) as unknown as Logger;
  const colorize = destination ? (destination as { isTTY?: boolean }).isTTY === true : process.stderr.isTTY === true;
  // Loaded only here: a deployed bot logs JSON and would pay ~25 ms of start-up for it.
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
  // Only `err` is an Error (its stack below the line); the `error` fields our logs carry are strings, kept on it.
  const stream = pretty({ destination: destination ?? 2, sync: true, singleLine: true, colorize, ignore: 'pid,hostname', translateTime: 'HH:MM:ss', errorLikeObjectKeys: ['err'] });
  return pino(options, stream) as unknown as Logger;
}
