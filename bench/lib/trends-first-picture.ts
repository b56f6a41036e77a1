/**
 * One process's first trends picture, for bench:trends: `tsx bench/lib/trends-first-picture.ts
 * <papers.db> <end> cold|warmed`. Cold draws at once (Vega and resvg load inside the first render);
 * warmed first awaits warmTrendsRenderer(), as the bot does in the background after its start.
 * Prints one JSON line: the milliseconds of compute and render of that first picture.
 */
import { openSqliteStorage } from '../../src/core/store/sqlite/open-sqlite-storage.js';
import { computeTrends } from '../../src/core/trends/compute.js';
import { renderTrendsPng, warmTrendsRenderer } from '../../src/core/trends/render/render-png.js';

const [file, end, mode] = process.argv.slice(2);
const storage = openSqliteStorage(file!);
if (mode === 'warmed') await warmTrendsRenderer();
let t = performance.now();
const report = await computeTrends(storage.trends, { end: end!, weeks: 4, workspace: { platform: 'slack', workspaceId: 'T1' } });
const compute = performance.now() - t;
t = performance.now();
await renderTrendsPng(report);
const render = performance.now() - t;
await storage.close();
process.stdout.write(`${JSON.stringify({ compute, render })}\n`);
