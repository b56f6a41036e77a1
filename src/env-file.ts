import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** A .env file that cannot be used as it is: names the file and the line. */
export class EnvFileError extends Error {
  override name = 'EnvFileError' as const;
}

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=(.*)$/;

/**
 * Checks every line of a .env text: blank lines, `# comments` and `KEY=value` (optionally
 * `export KEY=value`, quoted values spanning lines) pass; anything else is an error naming the
 * line. Node's parseEnv (and dotenv) silently skip such a line, which hides a typo'd token.
 */
export function checkEnvLines(text: string, file: string): void {
  const lines = text.split(/\r?\n/);
  let openQuote: string | undefined;
  lines.forEach((line, i) => {
    if (openQuote) {
      if (line.includes(openQuote)) openQuote = undefined;
      return;
    }
    if (/^\s*(#.*)?$/.test(line)) return;
    const m = ASSIGNMENT.exec(line);
    if (!m) {
      const shown = line.length > 40 ? `${line.slice(0, 40)}…` : line;
      throw new EnvFileError(`${file} line ${i + 1}: expected KEY=value, a # comment or a blank line, got "${shown.includes('=') ? shown.split('=')[0] + '=…' : shown}"`);
    }
    const value = m[1]!.trimStart();
    const q = value[0];
    if ((q === '"' || q === "'" || q === '`') && !value.slice(1).includes(q)) openQuote = q;
  });
  if (openQuote) throw new EnvFileError(`${file}: a value opened with ${openQuote} is never closed`);
}

/**
 * Reads the variables of a .env file. `explicit` (ENV_FILE was set) makes a missing file an error;
 * the default `.env` of the working directory is read only when it exists. Returns undefined when
 * there was nothing to read.
 */
export function readEnvFile(path: string, explicit: boolean): { file: string; vars: Record<string, string> } | undefined {
  const file = resolve(path);
  if (!existsSync(file)) {
    if (explicit) throw new EnvFileError(`${file}: no such file (ENV_FILE names it)`);
    return undefined;
  }
  if (statSync(file).isDirectory()) throw new EnvFileError(`${file}: is a directory, not a .env file${explicit ? ' (ENV_FILE names it)' : ''}`);
  const text = readFileSync(file, 'utf8');
  checkEnvLines(text, file);
  return { file, vars: parseEnv(text) as Record<string, string> };
}
