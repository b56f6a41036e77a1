#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` runs it): src/ and commands/ → dist/, one .js per
// .ts (what `npm start` and the worker threads run), and the `papers` CLI bundled into dist/cli/.
// esbuild only strips types: `npm run typecheck` is what checks them. Takes about a second, where
// tsc takes tens.
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
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

/**
 * The `papers` CLI is a one-shot process: every run pays for loading its modules before it answers.
 * Loaded one file at a time, `papers search` read ~150 modules, zod's ~70 among them (every one of
 * its locales: `z.locales` hangs off the namespace), which alone took 70-90 ms of a ~340 ms run.
 * Bundled, with `import * as z` so that esbuild drops what is never used, the same run took
 * ~240 ms. Lazily imported commands (ingest, trends, …) stay chunks of their own (splitting).
 * The pure-JS packages of the search path are bundled in; the others stay ordinary imports:
 * native better-sqlite3, the platform SDKs, and what only some commands load.
 */
const BUNDLED = new Set(['zod', 'minisearch', 'stemmer']);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d));
const cliDir = join(root, 'dist', 'cli');
const ownSources = ['src', 'commands'].map((dir) => join(root, dir) + sep);
/**
 * In the bundle, a source file's import.meta.url names the file it was built to above
 * (dist/src/…/name.js): worker threads start from the files beside it (worker-thread.ts), and
 * version.ts and the fonts find package.json and node_modules from there, as in dist/src.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!ownSources.some((dir) => args.path.startsWith(dir))) return undefined;
      const built = join(root, 'dist', relative(root, args.path)).replace(/\.ts$/, '.js');
      const fromChunk = relative(cliDir, built).split('\\').join('/');
      const source = readFileSync(args.path, 'utf8');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromChunk)}, import.meta.url).href`), loader: 'ts', resolveDir: dirname(args.path) };
    });
  },
};
await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  plugins: [ownUrl],
  sourcemap: true,
  logLevel: 'warning',
});
console.error(`papers-bot: built ${entryPoints.length} files and the papers CLI's bundle into ${relative(process.cwd(), join(root, 'dist')) || 'dist'}/ in ${Math.round(performance.now() - started)} ms`);
