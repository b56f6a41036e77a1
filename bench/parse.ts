/**
 * Parse throughput over the real shared data (everything but scifact, which is not a digest):
 * total MB, seconds, MB/s and papers/s per format and overall. Run: npm run bench:parse
 */
import fs from 'node:fs';
import path from 'node:path';
import { ParseError } from '../src/core/errors.js';
import { parseDigest } from '../src/core/parse/parse-digest.js';
import type { Format } from '../src/core/parse/ports.js';
import { sharedData } from './lib/shared-data.js';

const DATA = sharedData();
const SKIP = new Set(['scifact', 'LICENSES']);

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : listFiles(p);
    return e.isFile() && e.name !== 'README.md' ? [p] : [];
  });
}

const files = listFiles(DATA)
  .sort()
  .map((p) => ({ p, buf: fs.readFileSync(p) }));

type Row = { files: number; bytes: number; ms: number; papers: number };
const rows = new Map<Format | 'error', Row>();
const row = (k: Format | 'error'): Row => rows.get(k) ?? (rows.set(k, { files: 0, bytes: 0, ms: 0, papers: 0 }), rows.get(k)!);

// One warm-up pass so the figures measure parsing, not JIT compilation; then the measured pass.
for (const { buf, p } of files) {
  try {
    parseDigest(buf, { fileName: path.basename(p) });
  } catch {
    /* counted in the measured pass */
  }
}

const t0 = performance.now();
const cpu0 = process.cpuUsage();
for (const { p, buf } of files) {
  const start = performance.now();
  let key: Format | 'error';
  let papers = 0;
  try {
    const r = parseDigest(buf, { fileName: path.basename(p) });
    key = r.format;
    papers = r.papers.length;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    console.error(`${path.relative(DATA, p)}: ${err.message}`);
    key = 'error';
  }
  const r = row(key);
  r.files++;
  r.bytes += buf.length;
  r.ms += performance.now() - start;
  r.papers += papers;
}
const totalMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);

const fmt = (label: string, r: Row) => {
  const s = r.ms / 1000;
  const mb = r.bytes / 1e6;
  return [
    label.padEnd(15),
    String(r.files).padStart(5),
    mb.toFixed(2).padStart(8),
    s.toFixed(3).padStart(8),
    (s > 0 ? mb / s : 0).toFixed(1).padStart(8),
    String(r.papers).padStart(7),
    (s > 0 ? r.papers / s : 0).toFixed(0).padStart(9),
  ].join(' ');
};
console.log(`parse throughput over ${DATA} (node ${process.version})`);
console.log(['format'.padEnd(15), 'files'.padStart(5), 'MB'.padStart(8), 'seconds'.padStart(8), 'MB/s'.padStart(8), 'papers'.padStart(7), 'papers/s'.padStart(9)].join(' '));
for (const [k, r] of [...rows].sort()) console.log(fmt(k, r));
const all = [...rows.values()].reduce((a, r) => ({ files: a.files + r.files, bytes: a.bytes + r.bytes, ms: a.ms + r.ms, papers: a.papers + r.papers }), { files: 0, bytes: 0, ms: 0, papers: 0 });
console.log(fmt('overall', { ...all, ms: totalMs }));
// The machines are shared: CPU time says what parsing costs when wall time is inflated by other load.
console.log(`overall CPU time ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s (user ${(cpu.user / 1e6).toFixed(3)}, system ${(cpu.system / 1e6).toFixed(3)}); target: whole data set < 2 s`);
