#!/usr/bin/env node
// The `papers` command: runs the built program's bundle (dist/cli/, made by `npm install` / `npm run
// build`; see scripts/build.mjs), which starts in under a third of the time tsx needs. Without a
// build it falls back to the TypeScript sources through tsx, so a checkout that skipped the build
// still works.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
let runCliProgram;
if (existsSync(built)) ({ runCliProgram } = await import(built));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCliProgram } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url))));
}
process.exitCode = await runCliProgram(process.argv.slice(2));
