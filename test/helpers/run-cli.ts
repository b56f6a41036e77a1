import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/** Runs the `papers` CLI in-process against a data dir; returns exit code and captured output. */
export async function runPapers(argv: string[], dataDir: string, stdinText?: string) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  if (stdinText !== undefined) stdin.end(stdinText);
  else stdin.end();
  const code = await runCli(argv, { stdin, stdout, stderr }, { DATA_DIR: dataDir });
  return { code, out, err };
}
