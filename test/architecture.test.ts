import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const FORBIDDEN_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"](discord\.js|@slack\/[^'"]+|node-cron)['"]/;
const ENV = /\bprocess\s*(?:\.\s*env\b|\[\s*['"]env['"]\s*\])|\bimport\.meta\.env\b|\{[^}]*\benv\b[^}]*\}\s*=\s*(?:globalThis\.)?process\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|js|mjs)$/.test(name) && !/\.test\.|\.spec\./.test(name) ? [path] : [];
  });
}

/** Problems in one file's text (exported for the self-test below). */
function problems(text: string): string[] {
  const out: string[] = [];
  const m = FORBIDDEN_IMPORT.exec(text);
  if (m) out.push(`imports ${m[1]}`);
  if (ENV.test(text)) out.push('reads process.env');
  return out;
}

describe('architecture', () => {
  it('nothing under src/core or commands/ imports a platform SDK or node-cron, or reads process.env', () => {
    const files = [...sourceFiles(join(ROOT, 'src', 'core')), ...sourceFiles(join(ROOT, 'commands'))];
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((f) => problems(readFileSync(f, 'utf8')).map((p) => `${relative(ROOT, f)}: ${p}`));
    expect(found).toEqual([]);
  });

  it('the check itself catches each forbidden form', () => {
    expect(problems(`import { Client } from 'discord.js';`)).toEqual(['imports discord.js']);
    expect(problems(`import type { App } from "@slack/bolt";`)).toEqual(['imports @slack/bolt']);
    expect(problems(`const cron = await import('node-cron');`)).toEqual(['imports node-cron']);
    expect(problems(`import 'discord.js';`)).toEqual(['imports discord.js']);
    expect(problems(`const t = process.env.TOKEN;`)).toEqual(['reads process.env']);
    expect(problems(`process['env'].Y`)).toEqual(['reads process.env']);
    expect(problems(`const { env } = process;`)).toEqual(['reads process.env']);
    expect(problems(`// a discord.js-free file with an env word: environment`)).toEqual([]);
  });
});
