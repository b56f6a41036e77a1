import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `<name>.js` (built: dist/…, emitted by scripts/build.mjs
 * like every source file) or `<name>.ts` beside the module at `from` (its import.meta.url). Run from
 * TypeScript sources (tsx, vitest), the worker first registers tsx, since a worker thread does not
 * inherit the parent's loader hooks.
 */
export function startWorker(from: string, name: string, workerData: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, from), { workerData });
  // tsx's ESM entry (require.resolve names its CommonJS twin, which cannot register ESM hooks).
  const tsx = pathToFileURL(createRequire(from).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL(`./${name}.ts`, from).href;
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData });
}
