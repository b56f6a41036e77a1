import type { Logger } from '../core/logger.js';

/** The CLI's logger: warnings and errors as plain lines on stderr (the CLI's own output is not logging). */
export function createCliLogger(stderr: NodeJS.WritableStream, verbose = false): Logger {
  const line = (level: string) => (obj: object, msg?: string) => {
    const o = obj as { err?: Error; origin?: string };
    const where = o.origin ? `${o.origin}: ` : '';
    stderr.write(`papers: ${level === 'error' ? "" : `${level}: `}${where}${msg ?? ''}${o.err ? ` (${o.err.message})` : ''}\n`);
  };
  const logger: Logger = {
    debug: verbose ? line('debug') : () => {},
    info: verbose ? line('info') : () => {},
    warn: line('warning'),
    error: line('error'),
    child: () => logger,
  };
  return logger;
}
