import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../core/logger.js';

/**
 * node-cron's logger interface mapped onto ours, so its warnings ("missed execution at …" when the
 * event loop was blocked) and task errors are structured log records at the configured level,
 * not bare console.warn lines outside pino.
 */
export function cronLogger(logger: Logger) {
  const log = logger.child({ module: 'cron' });
  const err = (message: string | Error, e?: Error) => (message instanceof Error ? { err: message } : { err: e });
  return {
    info: (message: string) => log.info({}, message),
    warn: (message: string) => log.warn({}, message),
    error: (message: string | Error, e?: Error) => log.error(err(message, e), message instanceof Error ? message.message : message),
    debug: (message: string | Error, e?: Error) => log.debug(err(message, e), message instanceof Error ? message.message : message),
  };
}

/** Runs `tick` every minute (`expression` is for tests: node-cron takes a seconds field too). */
export function startMinuteTick(tick: () => void, logger: Logger, expression = '* * * * *'): ScheduledTask {
  const l = cronLogger(logger);
  // Tasks log through their own option; setLogger covers what node-cron logs outside a task.
  cron.setLogger(l);
  return cron.schedule(expression, tick, { logger: l });
}
