import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliIo, processIo } from './io.js';
import { HELP, USAGE } from './usage.js';
import { packageVersion } from './version.js';

/** Runs one CLI invocation; returns the exit code. Exported so tests run it in-process. */
export async function runCli(argv: string[], io: CliIo = processIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command, ...rest] = argv;
  const answer = helpOrVersion(argv);
  if (answer !== undefined) {
    io.stdout.write(answer);
    return 0;
  }
  const { runCommand } = await import('./run-command.js');
  return runCommand(command!, rest, io, env);
}

/** What help and --version print (undefined for anything else): answered before any module loads. */
function helpOrVersion(argv: string[]): string | undefined {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    return `papers-bot ${packageVersion()}\n`;
  }
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    return `${USAGE[rest[0] ?? ''] ?? HELP}\n`;
  }
  // `papers search --help`: the usage, before anything is parsed or opened. After `--` it is a word.
  const flags = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (USAGE[command] && (flags.includes('--help') || flags.includes('-h'))) return `${USAGE[command]}\n`;
  return undefined;
}

/** The `papers` program: the process environment over `.env` (or ENV_FILE), then runCli. */
export async function runCliProgram(argv: string[]): Promise<number> {
  if (helpOrVersion(argv) !== undefined) return runCli(argv, processIo, {});
  // Loaded here, not at the top: help and --version start without zod and the config schema.
  const { loadEnvironment } = await import('../config.js');
  const { EnvFileError } = await import('../env-file.js');
  let env: Record<string, string | undefined>;
  try {
    env = loadEnvironment(process.env).env;
  } catch (err) {
    if (!(err instanceof EnvFileError)) throw err;
    processIo.stderr.write(`papers: ${err.message}\n`);
    return 2;
  }
  return runCli(argv, processIo, env);
}

// Run when executed directly (tsx src/cli/main.ts, node dist/src/cli/main.js), not when imported.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  runCliProgram(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
