import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { DATABASE_FILE, openCore, type Core } from '../core/open-core.js';
import { openPaperStoreSnapshot } from '../core/store/sqlite/open-snapshot.js';
import { checkDataDir, isReadOnlyError } from '../runtime/data-dir.js';
import type { Logger } from '../core/logger.js';
import { createCliLogger } from './cli-logger.js';
import { ingestCommand, UsageError } from './ingest-command.js';
import { parseCommand, showCommand, statsCommand } from './inspect-commands.js';
import { type CliIo, processIo } from './io.js';
import { packageVersion } from './version.js';

/** Each command's usage, shown by `papers <command> --help` and under its usage errors. */
const USAGE: Record<string, string> = {
  ingest: `papers ingest <file|dir|->... [--format F] [--date YYYY-MM-DD] [--json]
  Parse and store digests: files, directories (recursively, in name order) or - for stdin.
  --format F          skip detection (${'hf-digest-text, hf-api, arxiv-rss, arxiv-atom, arxiv-jsonl, arxiv-kaggle'})
  --date YYYY-MM-DD   the digest date (text digests only say "Apr 22")
  --json              the documented JSON summary on stdout
  Exit 1 when any input failed (the others are still stored), 2 for a usage error.`,
  parse: `papers parse <file|-> [--format F] [--date YYYY-MM-DD] [--json]
  Parse one input and print its papers; stores nothing.`,
  search: `papers search <topic...> [--since D] [--until D] [--has-code] [--min-upvotes N] [--source S]
              [--limit N] [--page N] [--json]
  papers search - --json        one query per line on stdin, one JSON line per answer
  The flags take the same values as /papers search in chat (limit 1-25, page 1-1000, real dates).`,
  similar: `papers similar <id> [--limit N] [--page N] [--json]
  Papers like the given one, best first.`,
  show: `papers show <id> [--json]
  One stored paper in full.`,
  stats: `papers stats [--json]
  Papers and digests in the store, and the latest digests. Works on a read-only DATA_DIR.`,
  'migrate-store': `papers migrate-store --to postgres://…
  Copy DATA_DIR's SQLite store into an empty PostgreSQL database.`,
};

const HELP = `papers — the papers-bot command line (data in DATA_DIR, default ./data)

${Object.values(USAGE)
  .map((u) => `  ${u.split('\n')[0]}`)
  .join('\n')}

  papers <command> --help       that command in detail
  papers --version

Formats: hf-digest-text, hf-api, arxiv-rss, arxiv-atom, arxiv-jsonl, arxiv-kaggle (detected from the content).`;

/** Runs one CLI invocation; returns the exit code. Exported so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    io.stdout.write(`papers-bot ${packageVersion()}\n`);
    return 0;
  }
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    const about = USAGE[rest[0] ?? ''];
    io.stdout.write(`${about ?? HELP}\n`);
    return 0;
  }
  // `papers search --help`: the usage, before anything is parsed or opened. After `--` it is a word.
  const flags = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (USAGE[command] && (flags.includes('--help') || flags.includes('-h'))) {
    io.stdout.write(`${USAGE[command]}\n`);
    return 0;
  }
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
  if (!databaseUrl) checkDataDir(dataDir);
  try {
    return await openCore({ dataDir, logger, maxFileBytes, databaseUrl });
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

// Run when executed directly (tsx src/cli/main.ts, bin/papers.mjs), not when imported by tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
