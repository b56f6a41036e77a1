/**
 * npm run bench:hostile — peak memory and time to ingest hostile inputs within MAX_FILE_MB (50 MB):
 * JSON lists of 1M and 4M `{}` entries and 50 MB files of tiny entries in each format. Inputs are
 * generated into a temp dir (nothing is read from ../shared). Each runs in its own process with a
 * 1 GB heap (a small container) and a 3-minute limit; "growth" is peak RSS minus RSS before the ingest.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'papers-hostile-'));

/** `count` copies of `item` joined by `sep`, between `head` and `tail`, written without building one giant array. */
function repeatFile(name: string, head: string, item: string, sep: string, tail: string, count: number): string {
  const file = join(dir, name);
  const chunk = Array(10_000).fill(item).join(sep);
  const parts: string[] = [head];
  let left = count;
  while (left > 0) {
    const n = Math.min(left, 10_000);
    parts.push(n === 10_000 ? chunk : Array(n).fill(item).join(sep));
    left -= n;
    if (left > 0) parts.push(sep);
  }
  parts.push(tail);
  writeFileSync(file, parts.join(''));
  return file;
}

/** How many copies of item+sep fit in 50 MB minus head and tail. */
const fit = (head: string, item: string, sep: string, tail: string) => Math.floor((50 * MB - head.length - tail.length) / (item.length + sep.length));

const rssHeader = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>';
const inputs: Array<[string, string]> = [
  ['1M {} entries (hf-api JSON)', repeatFile('1m.json', '[', '{}', ',', ']', 1_000_000)],
  ['4M {} entries (hf-api JSON)', repeatFile('4m.json', '[', '{}', ',', ']', 4_000_000)],
  ['50 MB of {} entries (hf-api JSON)', repeatFile('50mb.json', '[', '{}', ',', ']', fit('[', '{}', ',', ']'))],
  ['50 MB {data: [{}...]} wrapper', repeatFile('50mb-wrapper.json', '{"date":"2024-01-01","data":[', '{}', ',', ']}', fit('{"date":"2024-01-01","data":[', '{}', ',', ']}'))],
  ['50 MB of {} lines (JSON lines)', repeatFile('50mb.jsonl', '', '{}', '\n', '\n', fit('', '{}', '\n', '\n'))],
  ['50 MB of <item/> (RSS)', repeatFile('50mb.xml', rssHeader, '<item/>', '', '</channel></rss>', fit(rssHeader, '<item/>', '', '</channel></rss>'))],
  ['50 MB of one-word paragraphs (text)', repeatFile('50mb.txt', '', 'Word', '\n\n', '\n', fit('', 'Word', '\n\n', '\n'))],
];

console.log('input                                   size     growth (× size)        peak RSS   time     answer');
for (const [label, file] of inputs) {
  const size = statSync(file).size;
  const dataDir = mkdtempSync(join(dir, 'data-'));
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', join(import.meta.dirname, 'hostile', 'ingest-one.ts'), file, dataDir], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let shown: string;
  try {
    const m = JSON.parse(line) as { rssBeforeMb: number; peakRssMb: number; ms: number; answer: string };
    const growth = m.peakRssMb - m.rssBeforeMb;
    shown = `${growth.toFixed(0).padStart(5)} MB (${(growth / (size / MB)).toFixed(1).padStart(5)}×)   ${m.peakRssMb.toFixed(0).padStart(5)} MB  ${(m.ms / 1000).toFixed(1).padStart(5)} s   ${m.answer.slice(0, 110)}`;
  } catch {
    const why = r.error ? `did not finish (${r.error.message})` : `crashed (exit ${r.status}, ${r.signal ?? ''}): ${(r.stderr.match(/FATAL ERROR[^\n]*|heap out of memory/) ?? [r.stderr.slice(-200)])[0]}`;
    shown = why;
  }
  console.log(`${label.padEnd(40)}${(size / MB).toFixed(1).padStart(5)} MB  ${shown}`);
  rmSync(dataDir, { recursive: true, force: true });
}
rmSync(dir, { recursive: true, force: true });
