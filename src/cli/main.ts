import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { openCore, type Core } from '../core/open-core.js';
import type { Logger } from '../core/logger.js';
import { createCliLogger } from './cli-logger.js';
import { ingestCommand, UsageError } from './ingest-command.js';
import { parseCommand, showCommand, statsCommand } from './inspect-commands.js';
import { type CliIo, processIo } from './io.js';

const HELP = `papers — the papers-bot command line (data in DATA_DIR, default ./data)

  papers ingest <file|dir|->... [--format F] [--date YYYY-MM-DD] [--json]
  papers parse <file|-> [--format F] [--date YYYY-MM-DD] [--json]
  papers search <topic...> [--since D] [--until D] [--has-code] [--min-upvotes N] [--source S]
                [--limit N] [--page N] [--json]
  papers search - --json        one query per line on stdin, one JSON line per answer
  papers similar <id> [--limit N] [--json]
  papers show <id> [--json]
  papers stats [--json]
  papers export --user U [--workspace W] [--platform slack|discord|local] [--format F]
                [--tag T] [--unread] [--out FILE]   one person's bookmarks with notes and tags

Export formats: bibtex, markdown, csv, ris, csl-json.
Formats: hf-digest-text, hf-api, arxiv-rss, arxiv-atom, arxiv-jsonl, arxiv-kaggle (detected from the content).`;

/** Runs one CLI invocation; returns the exit code. Exported so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  let core: Core | undefined;
  try {
    const config = loadConfig(env);
    const logger = createCliLogger(io.stderr);
    const open = async () => (core ??= await openData(config.dataDir, logger, config.maxFileBytes));
    switch (command) {
      case 'ingest':
        return await ingestCommand(rest, io, await open(), config.maxFileBytes);
      case 'parse':
        return await parseCommand(rest, io, config.maxFileBytes);
      case 'show':
        return await showCommand(rest, io, await open());
      case 'stats':
        return await statsCommand(rest, io, await open());
      case 'export':
        return await (await import('./export-command.js')).exportCommand(rest, io, await open());
      case 'search':
      case 'similar': {
        const c = await open();
        const mod = await import('./search-command.js');
        const run = command === 'search' ? mod.searchCommand : mod.similarCommand;
        return await run(rest, io, { store: c.store, search: c.search });
      }
      default:
        io.stderr.write(`error: unknown command "${command}"\n\n${HELP}\n`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`error: ${(err as Error).message}\n`);
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
async function openData(dataDir: string, logger: Logger, maxFileBytes: number): Promise<Core> {
  try {
    return await openCore({ dataDir, logger, maxFileBytes });
  } catch (err) {
    throw new Error(`cannot open DATA_DIR ${dataDir}: ${messageOf(err)}`, { cause: err });
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
