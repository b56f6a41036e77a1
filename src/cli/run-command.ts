import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import type { Logger } from '../core/logger.js';
import { DATABASE_FILE, openCore, type Core } from '../core/open-core.js';
import { openPaperStoreSnapshot } from '../core/store/sqlite/open-snapshot.js';
import { checkDataDir, isReadOnlyError } from '../runtime/data-dir.js';
import { createCliLogger } from './cli-logger.js';
import { ingestCommand, UsageError } from './ingest-command.js';
import { parseCommand, showCommand, statsCommand } from './inspect-commands.js';
import type { CliIo } from './io.js';
import { HELP, USAGE } from './usage.js';

/**
 * Runs one command (everything but help and --version): loaded only when a command runs, so
 * `papers --help` does not pay for SQLite, the parsers and the search index.
 */
export async function runCommand(command: string, rest: string[], io: CliIo, env: Record<string, string | undefined>): Promise<number> {
  let core: Core | undefined;
  try {
    const config = loadConfig(env);
    const logger = createCliLogger(io.stderr);
    const open = async () => (core ??= await openData(config.dataDir, logger, config.maxFileBytes, config.databaseUrl));
    switch (command) {
      case 'ingest':
        return await ingestCommand(rest, io, await open(), config.maxFileBytes);
      case 'parse':
        return await parseCommand(rest, io, config.maxFileBytes);
      case 'show':
        return await showCommand(rest, io, await open());
      case 'stats': {
        // A read: on a store that cannot be written (read-only mount, another user's files) it reads a snapshot.
        let c: Pick<Core, 'store'>;
        try {
          c = await open();
        } catch (err) {
          if (!isReadOnlyError((err as Error).cause ?? err) && !/not writable/.test(messageOf(err))) throw err;
          checkDataDir(config.dataDir, false);
          const store = openPaperStoreSnapshot(join(config.dataDir, DATABASE_FILE));
          try {
            return await statsCommand(rest, io, { store });
          } finally {
            await store.close();
          }
        }
        return await statsCommand(rest, io, c);
      }
      case 'migrate-store': {
        const { migrateStoreCommand } = await import('./migrate-store-command.js');
        return await migrateStoreCommand(rest, io, config.dataDir);
      }
      case 'search':
      case 'similar': {
        const c = await open();
        const mod = await import('./search-command.js');
        const run = command === 'search' ? mod.searchCommand : mod.similarCommand;
        return await run(rest, io, { store: c.store, search: c.search });
      }
      case 'export':
        return await (await import('./export-command.js')).exportCommand(rest, io, await open());
      case 'trends': {
        const { trendsCliCommand } = await import('./trends-command.js');
        return await trendsCliCommand(rest, io, await open(), new Date().toISOString().slice(0, 10));
      }
      case 'recommend': {
        const c = await open();
        const { recommendCommand } = await import('./recommend-command.js');
        const { createRecommender } = await import('../core/recommend/recommender.js');
        const { MODEL_FILE } = await import('../core/recommend/model-file.js');
        // The bot's model file when there is one; otherwise the CLI waits for a fit (and leaves the file for next time).
        const recommender = createRecommender({ store: c.store, logger, modelFile: join(config.dataDir, MODEL_FILE) });
        return await recommendCommand(rest, io, { store: c.store, recommender });
      }
      default:
        io.stderr.write(`papers: unknown command "${command}"\n\n${HELP}\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const parseArgsError = (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
      // node:util's wording goes on about positionals after '--': its first sentence is the point.
      const message = parseArgsError ? ((err as Error).message.split('. ')[0] ?? '') : (err as Error).message;
      const usage = !(err instanceof ConfigError) && USAGE[command] ? `usage: ${USAGE[command]!.split('\n')[0]}\n` : '';
      io.stderr.write(`papers: ${message}\n${usage}`);
      return 2;
    }
    // Not something the person typed wrong: one line they can act on; the stack is for a bug report.
    if (env.DEBUG && env.DEBUG !== '0') io.stderr.write(`papers: ${messageOf(err)}\n${stackOf(err)}\n`);
    else io.stderr.write(`papers: ${messageOf(err)} (run again with DEBUG=1 for the stack trace)\n`);
    return 1;
  } finally {
    await core?.close();
  }
}

/** The store's own errors ("file is not a database", a newer schema) do not say which file. */
async function openData(dataDir: string, logger: Logger, maxFileBytes: number, databaseUrl?: string): Promise<Core> {
  // The search index lives in DATA_DIR whichever backend holds the store.
  checkDataDir(dataDir);
  try {
    return await openCore({ dataDir, logger, maxFileBytes, databaseUrl, oneShot: true });
  } catch (err) {
    throw new Error(`cannot open ${databaseUrl ? 'DATABASE_URL' : `DATA_DIR ${dataDir}`}: ${messageOf(err)}`, { cause: err });
  }
}

function messageOf(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0] || (err instanceof Error ? err.name : 'unknown error');
}

function stackOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  return err.cause ? `${err.stack}\ncaused by: ${stackOf(err.cause)}` : (err.stack ?? err.message);
}

