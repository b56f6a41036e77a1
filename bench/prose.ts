/**
 * npm run bench:prose — does the text-digest reader tell digests from other text?
 * Digests: every Hugging Face day of ../shared/data/hf-daily rendered as a pasted digest (the page with
 * its header, CRLF with a BOM, no header at all), every paper alone as a one-pair digest (the hardest
 * case: one abstract's worth of evidence), and the founding digest. Non-digests: the licence texts and
 * the other text files (READMEs, changelogs, notes) found in ../shared and node_modules, one per
 * distinct content. Prints how many digests are refused and how many non-digests are accepted.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ParseError } from '../src/core/errors.js';
import { parseDigest } from '../src/core/parse/parse-digest.js';
import type { ParseResult } from '../src/core/parse/ports.js';
import { sharedData } from './lib/shared-data.js';

const DATA = sharedData();
const SHARED = path.dirname(DATA);
const HEADER = 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\n';
const verbose = process.argv.includes('--verbose');

function tryParse(buf: Buffer, fileName: string): ParseResult | ParseError {
  try {
    return parseDigest(buf, { fileName, now: new Date('2026-12-01T00:00:00Z') });
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
}

// ---- digest texts ----
type Pair = { title: string; abstract: string };
const digests: Array<{ name: string; buf: Buffer }> = [];
const hfDir = path.join(DATA, 'hf-daily');
const seen = new Set<string>();
for (const f of fs.readdirSync(hfDir).sort()) {
  const r = tryParse(fs.readFileSync(path.join(hfDir, f)), f);
  if (r instanceof ParseError) continue;
  const pairs: Pair[] = r.papers.filter((p) => p.abstract).map((p) => ({ title: p.title, abstract: p.abstract }));
  if (!pairs.length) continue;
  const body = pairs.map((p) => `${p.title}\n\n${p.abstract}`).join('\n\n');
  const day = new Date(`${f.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  const page = `${HEADER}${day}\n\n${body}\n`;
  digests.push({ name: `${f} as a page`, buf: Buffer.from(page) });
  digests.push({ name: `${f} CRLF+BOM`, buf: Buffer.from(`\ufeff${page.replace(/\n/g, '\r\n')}`) });
  digests.push({ name: `${f} no header`, buf: Buffer.from(`${body}\n`) });
  for (const p of pairs) {
    if (seen.has(p.title)) continue;
    seen.add(p.title);
    digests.push({ name: `${f}: "${p.title}" alone`, buf: Buffer.from(`${p.title}\n\n${p.abstract}\n`) });
  }
}
const founding = fs.readFileSync(path.join(DATA, 'digests', '000_ef33da10a12a54aa.txt'));
digests.push({ name: 'founding digest', buf: founding });

// ---- non-digest text files ----
const LICENCE_NAME = /^(?:licen[cs]e|copying|unlicense)(?:[-._].*)?$/i;
const TEXT_NAME = /^(?:readme|changelog|changes|history|authors|contributors|notice|security|code_of_conduct|contributing)(?:[-._].*)?$|\.(?:md|markdown|txt|rst)$/i;
const SKIP_DIRS = new Set(['hf-daily', 'arxiv-daily', 'arxiv-feeds', 'arxiv-kaggle', 'digests', 'scifact', '.git', '.bin', '.cache']);

function walk(dir: string, out: string[]): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
    } else if (e.isFile()) out.push(p);
  }
  return out;
}

const hashes = new Set<string>();
const licences: Array<{ name: string; buf: Buffer }> = [];
const others: Array<{ name: string; buf: Buffer }> = [];
for (const root of [SHARED, path.resolve('node_modules')]) {
  for (const p of walk(root, [])) {
    const base = path.basename(p);
    const isLicence = LICENCE_NAME.test(base) || p.includes(`${path.sep}LICENSES${path.sep}`);
    if (!isLicence && !TEXT_NAME.test(base)) continue;
    const buf = fs.readFileSync(p);
    if (buf.length === 0 || buf.length > 2_000_000) continue;
    const h = createHash('sha1').update(buf).digest('hex');
    if (hashes.has(h)) continue;
    hashes.add(h);
    (isLicence ? licences : others).push({ name: path.relative(process.cwd(), p), buf });
  }
}

// ---- run ----
function count(set: Array<{ name: string; buf: Buffer }>, wantAccepted: boolean, label: string): { wrong: number; ms: number } {
  let wrong = 0;
  const t0 = performance.now();
  for (const { name, buf } of set) {
    const r = tryParse(buf, path.basename(name));
    const accepted = !(r instanceof ParseError) && r.papers.length > 0;
    if (accepted !== wantAccepted) {
      wrong++;
      if (verbose) console.log(`  ${label}: ${name}${r instanceof ParseError ? `: ${r.message}` : ` (${r.papers.length} papers)`}`);
    }
  }
  return { wrong, ms: performance.now() - t0 };
}

const d = count(digests, true, 'refused digest');
const l = count(licences, false, 'accepted licence');
const o = count(others, false, 'accepted other');
const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
console.log(`prose vs digest over ${SHARED} and node_modules (node ${process.version})`);
console.log(`digest texts refused:        ${d.wrong} of ${digests.length} (${pct(d.wrong, digests.length)}), ${(d.ms / 1000).toFixed(2)} s`);
console.log(`licence texts accepted:      ${l.wrong} of ${licences.length} (${pct(l.wrong, licences.length)}), ${(l.ms / 1000).toFixed(2)} s`);
console.log(`other non-digests accepted:  ${o.wrong} of ${others.length} (${pct(o.wrong, others.length)}), ${(o.ms / 1000).toFixed(2)} s`);
console.log('(--verbose lists each wrong call)');
