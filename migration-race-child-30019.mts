
import { existsSync, writeFileSync } from 'node:fs';
import { runCli } from './src/cli/main.ts';
const [go, dataDir] = process.argv.slice(2);
writeFileSync(go + '.ready.' + process.pid, '');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 2));
process.exitCode = await runCli(['stats', '--json'], undefined, { DATA_DIR: dataDir });
