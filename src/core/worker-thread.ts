import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `name` (`./fit-worker`, no extension) beside the module at
 * `callerUrl` (its import.meta.url). Built (dist/…/name.js, emitted by scripts/build.mjs like every
 * source file) it is an ordinary worker file; run from TypeScript sources (tsx, vitest) the worker
 * first registers tsx, since a worker thread does not inherit the parent's loader hooks.
 */
export function startWorker(callerUrl: string, name: string, workerData: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`${name}.js`, callerUrl), { workerData });
  // tsx's ESM entry (require.resolve names its CommonJS twin, which cannot register ESM hooks).
  const tsx = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL(`${name}.ts`, callerUrl).href;
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData });
}
