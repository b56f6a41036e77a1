import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';

const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

/**
 * Bolt's logger interface over our Logger, so Bolt's and the Web API client's own messages land in
 * the same structured log (with `platform: 'slack'`). Bolt passes free-form arguments; they are
 * joined into `msg`, errors kept as `err`.
 */
export function toBoltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  const at = (lvl: LogLevel) => (...args: unknown[]) => {
    if (ORDER[lvl] < ORDER[current]) return;
    const err = args.find((a): a is Error => a instanceof Error);
    const msg = args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ');
    logger[lvl]({ source: 'bolt', ...(err ? { err } : {}) }, msg);
  };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => {},
  };
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
