import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();

/**
 * The source files a module loads before any of its code runs: its static imports, followed
 * through the repository's own files (`import type` is erased; a dynamic import() is not
 * followed: it loads only when reached). Relative to ROOT.
 */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    const rel = relative(ROOT, file);
    if (seen.has(rel)) return;
    seen.add(rel);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?'(\.{1,2}\/[^']+)'/gm)) {
      if (m[1]) continue;
      const target = resolve(dirname(file), m[2]!.replace(/\.js$/, '.ts'));
      if (existsSync(target)) visit(target);
    }
  };
  visit(join(ROOT, entry));
  return seen;
}

const PARSER = join('src', 'core', 'parse', 'parse-digest.ts');

describe('what a papers command loads before it runs', () => {
  it('search, show and stats load no parser: run-command and the core it opens import them only when a file is parsed', () => {
    const loaded = staticClosure(join('src', 'cli', 'run-command.ts'));
    // The walk does reach the core (the store, the search) ...
    expect(loaded).toContain(join('src', 'core', 'open-core.ts'));
    expect(loaded).toContain(join('src', 'core', 'search', 'create-paper-search.ts'));
    // ... and not the parsers, whose modules (the XML parser, every format's) were ~65 ms of a start.
    expect([...loaded].filter((f) => f.startsWith(join('src', 'core', 'parse')) && !f.endsWith('ports.ts'))).toEqual([]);
  });

  it('the walk follows static imports and skips type-only and dynamic ones', () => {
    const parser = staticClosure(PARSER);
    expect(parser).toContain(join('src', 'core', 'parse', 'arxiv-atom.ts'));
    expect(parser).toContain(join('src', 'core', 'parse', 'hf-api.ts'));
    // inspect-commands imports the parser dynamically (for `papers parse`) and its port types only.
    expect(staticClosure(join('src', 'cli', 'inspect-commands.ts'))).not.toContain(PARSER);
  });
});
