#!/usr/bin/env node
// The `papers` command: registers tsx so the TypeScript sources run as they are (no build step).
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { runCli } = await import(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)));
process.exitCode = await runCli(process.argv.slice(2));
