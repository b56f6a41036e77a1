import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig } from "../config.js";
import { DATABASE_FILE, openCore } from "../core/open-core.js";
import { openPaperStoreSnapshot } from "../core/store/sqlite/open-snapshot.js";
import { checkDataDir, isReadOnlyError } from "../runtime/data-dir.js";
import { createCliLogger } from "./cli-logger.js";
import { ingestCommand, UsageError } from "./ingest-command.js";
import { parseCommand, showCommand, statsCommand } from "./inspect-commands.js";
import { processIo } from "./io.js";
const HELP = `papers \u2014 the papers-bot command line (data in DATA_DIR, default ./data)

  papers ingest <file|dir|->... [--format F] [--date YYYY-MM-DD] [--json]
  papers parse <file|-> [--format F] [--date YYYY-MM-DD] [--json]
  papers search <topic...> [--since D] [--until D] [--has-code] [--min-upvotes N] [--source S]
                [--limit N] [--page N] [--json]
  papers search - --json        one query per line on stdin, one JSON line per answer
  papers similar <id> [--limit N] [--json]
  papers show <id> [--json]
  papers stats [--json]

Formats: hf-digest-text, hf-api, arxiv-rss, arxiv-atom, arxiv-jsonl, arxiv-kaggle (detected from the content).`;
async function runCli(argv, io = processIo, env = process.env) {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.stdout.write(`${HELP}
`);
    return 0;
  }
  let core;
  try {
    const config = loadConfig(env);
    const logger = createCliLogger(io.stderr);
    const open = async () => core ??= await openData(config.dataDir, logger, config.maxFileBytes);
    switch (command) {
      case "ingest":
        return await ingestCommand(rest, io, await open(), config.maxFileBytes);
      case "parse":
        return await parseCommand(rest, io, config.maxFileBytes);
      case "show":
        return await showCommand(rest, io, await open());
      case "stats": {
        let c;
        try {
          c = await open();
        } catch (err) {
          if (!isReadOnlyError(err.cause ?? err) && !/not writable/.test(messageOf(err))) throw err;
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
      case "search":
      case "similar": {
        const c = await open();
        const mod = await import("./search-command.js");
        const run = command === "search" ? mod.searchCommand : mod.similarCommand;
        return await run(rest, io, { store: c.store, search: c.search });
      }
      default:
        io.stderr.write(`error: unknown command "${command}"

${HELP}
`);
        return 2;
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof ConfigError || err.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`error: ${err.message}
`);
      return 2;
    }
    if (env.DEBUG && env.DEBUG !== "0") io.stderr.write(`papers: ${messageOf(err)}
${stackOf(err)}
`);
    else io.stderr.write(`papers: ${messageOf(err)} (run again with DEBUG=1 for the stack trace)
`);
    return 1;
  } finally {
    await core?.close();
  }
}
async function openData(dataDir, logger, maxFileBytes) {
  checkDataDir(dataDir);
  try {
    return await openCore({ dataDir, logger, maxFileBytes });
  } catch (err) {
    throw new Error(`cannot open DATA_DIR ${dataDir}: ${messageOf(err)}`, { cause: err });
  }
}
function messageOf(err) {
  const m = err instanceof Error ? err.message : String(err);
  return m.split("\n")[0] || (err instanceof Error ? err.name : "unknown error");
}
function stackOf(err) {
  if (!(err instanceof Error)) return String(err);
  return err.cause ? `${err.stack}
caused by: ${stackOf(err.cause)}` : err.stack ?? err.message;
}
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
export {
  runCli
};
//# sourceMappingURL=main.js.map
