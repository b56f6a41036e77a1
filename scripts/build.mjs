#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` runs it): src/ and commands/ → dist/, one .js per
// .ts, no bundling (native better-sqlite3 and the platform SDKs stay ordinary imports). esbuild only
// strips types: `npm run typecheck` is what checks them. Takes about a second, where tsc takes tens.
import { build } from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = (dir) =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });

const started = performance.now();
const entryPoints = [...sources('src'), ...sources('commands')];
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints,
  outdir: 'dist',
  outbase: '.',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
console.error(`papers-bot: built ${entryPoints.length} files into ${relative(process.cwd(), join(root, 'dist')) || 'dist'}/ in ${Math.round(performance.now() - started)} ms`);
