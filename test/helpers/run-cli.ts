import { PassThrough, type Readable } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/**
 * Runs the `papers` CLI in-process against a data dir; returns exit code and captured output.
 * `stdin` is text, or a stream for input that must be read piece by piece; `env` adds variables.
 */
export async function runPapers(argv: string[], dataDir: string, stdin?: string | Readable, env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  let input: Readable;
  if (typeof stdin === 'object') input = stdin;
  else {
    const p = new PassThrough();
    p.end(stdin ?? '');
    input = p;
  }
  const code = await runCli(argv, { stdin: input, stdout, stderr }, { ...env, DATA_DIR: dataDir });
  return { code, out, err };
}
