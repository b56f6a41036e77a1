import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors.js';
import { PaperSchema } from '../../../src/core/paper.js';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import { DATA, dataFiles } from './data-paths.js';

/** Generous limit: these read the whole data set, and the machines are shared. */
const SLOW = { timeout: 120_000 };

const files = dataFiles('hf-daily', '.json');
const load = (f: string) => fs.readFileSync(f);
const rawJson = (f: string): unknown => JSON.parse(fs.readFileSync(f, 'utf8'));
const isPlain = (v: unknown) => Array.isArray(v) && v.every((e) => typeof e === 'object' && e !== null);

describe('HF daily_papers API JSON', () => {
  const plain = files.filter((f) => isPlain(rawJson(f)));

  it('the test data holds plain files and both quirky shapes (Python-repr strings, the wrapper)', () => {
    const quirky = files.filter((f) => !isPlain(rawJson(f))).map((f) => path.basename(f));
    expect(plain.length).toBeGreaterThanOrEqual(5);
    expect(plain.length + quirky.length).toBe(files.length);
    expect(quirky).toEqual(expect.arrayContaining(['2024-12-11.json', '2025-01-10.json']));
  });

  it('reads every entry of every plain file, with its arXiv id, title and date', SLOW, () => {
    let total = 0;
    let expected = 0;
    for (const f of plain) {
      const entries = rawJson(f) as Array<{ paper: { id: string; title: string; submittedOnDailyAt?: string } }>;
      const name = path.basename(f);
      const r = parseDigest(load(f), { fileName: name });
      expect(r.format, name).toBe('hf-api');
      expect(r.papers.length, name).toBe(entries.length);
      expect(r.warnings, name).toEqual([]);
      expect(r.digestDate).toBe(name.slice(0, 10));
      r.papers.forEach((p, i) => {
        expect(p.arxivId).toBe(entries[i]!.paper.id);
        expect(p.id).toBe(entries[i]!.paper.id);
        expect(p.title).toBe(entries[i]!.paper.title.replace(/\s+/g, ' ').trim());
        expect(p.digestDate).toBe(entries[i]!.paper.submittedOnDailyAt?.slice(0, 10) ?? name.slice(0, 10));
      });
      total += r.papers.length;
      expected += entries.length;
    }
    expect(total).toBe(expected);
    expect(total).toBeGreaterThan(100);
  });

  it('keeps the fields of one known entry', () => {
    const r = parseDigest(load(path.join(DATA, 'hf-daily/2024-05-27.json')), { fileName: '2024-05-27.json' });
    const p = r.papers.find((x) => x.arxivId === '2405.15738')!;
    expect(PaperSchema.parse(p)).toEqual(p);
    expect(p.title).toBe('ConvLLaVA: Hierarchical Backbones as Visual Encoder for Large Multimodal Models');
    expect(p.abstract.startsWith('High-resolution Large Multimodal Models (LMMs) encounter the challenges of excessive')).toBe(true);
    expect(p.abstract).not.toMatch(/\n/);
    expect(p.authors.slice(0, 2)).toEqual(['Chunjiang Ge', 'Sijie Cheng']);
    expect(p.upvotes).toBe(32);
    expect(p.publishedAt).toBe('2024-05-24T17:34:15.000Z');
    expect(p.links).toEqual(['https://github.com/alibaba/conv-llava']);
    expect(p.source).toBe('hf-api');
  });

  it('puts githubRepo and projectPage first and keeps ai_keywords', SLOW, () => {
    const withRepo = plain
      .flatMap((f) => (rawJson(f) as Array<{ paper: Record<string, unknown> }>).map((e) => ({ f, p: e.paper })))
      .find((x) => typeof x.p.githubRepo === 'string' && Array.isArray(x.p.ai_keywords) && typeof x.p.projectPage === 'string')!;
    const r = parseDigest(load(withRepo.f), { fileName: path.basename(withRepo.f) });
    const p = r.papers.find((x) => x.arxivId === withRepo.p.id)!;
    expect(p.links[0]).toBe(withRepo.p.githubRepo);
    expect(p.links).toContain(withRepo.p.projectPage);
    expect(p.keywords).toEqual(withRepo.p.ai_keywords);
  });

  it('reads the files of Python-repr strings and the wrapped file, every entry', SLOW, () => {
    const quirky = files.filter((f) => !isPlain(rawJson(f)));
    expect(quirky.length).toBeGreaterThanOrEqual(2);
    let total = 0;
    let expected = 0;
    for (const f of quirky) {
      const r = parseDigest(load(f), { fileName: path.basename(f) });
      const raw = rawJson(f) as unknown[] | { data: unknown[] };
      expect(r.papers.length).toBe(Array.isArray(raw) ? raw.length : raw.data.length);
      expect(r.warnings).toEqual([]);
      for (const p of r.papers) expect(p.arxivId).toMatch(/^\d{4}\.\d{5}$/);
      total += r.papers.length;
      expected += Array.isArray(raw) ? raw.length : raw.data.length;
    }
    expect(total).toBe(expected);
    expect(total).toBeGreaterThan(20);
  });

  it('reads the {status, date, count, data} wrapper, dated by its date when the name has none', () => {
    const r = parseDigest(load(path.join(DATA, 'hf-daily/2025-01-10.json')), { fileName: 'wrapped.json' });
    expect(r.papers).toHaveLength(9);
    expect(r.digestDate).toBe('2025-01-10');
    expect(r.papers[0]!.arxivId).toBe('2501.05441');
    expect(r.papers[0]!.authors[0]).toBe('Yiwen Huang');
  });

  it('warns when the wrapper count disagrees', () => {
    const r = parseDigest(Buffer.from(JSON.stringify({ status: 'success', date: '2025-01-10', count: 3, data: [{ paper: { id: '2501.00001', title: 'T', summary: 'S.' } }] })));
    expect(r.papers).toHaveLength(1);
    expect(r.warnings).toEqual(['wrapper says count 3 but data holds 1 entries']);
  });

  it('skips an unreadable entry with a warning and keeps the others', () => {
    const body = JSON.stringify([
      { paper: { id: '2501.00001', title: 'Good', summary: 'Fine.' } },
      "{'paper': {'id': broken",
      { paper: { id: '2501.00003', title: '', summary: 'No title.' } },
      42,
      { paper: { id: '2501.00005', title: 'Good Too', summary: 'Fine.', upvotes: -1, authors: [{ name: 'A' }, 'B'] } },
    ]);
    const r = parseDigest(Buffer.from(body), { fileName: '2025-01-01.json' });
    expect(r.papers.map((p) => p.title)).toEqual(['Good', 'Good Too']);
    expect(r.papers[1]!.upvotes).toBeUndefined();
    expect(r.papers[1]!.authors).toEqual(['A', 'B']);
    expect(r.warnings).toHaveLength(3);
    expect(r.warnings[0]).toMatch(/^entry 2: skipped, bad Python literal/);
    expect(r.warnings[1]).toMatch(/^entry 3: skipped, title/);
    expect(r.warnings[2]).toMatch(/^entry 4: skipped, not a paper object/);
  });

  it('an empty list is zero papers; a list of nothing usable is an error', () => {
    expect(parseDigest(Buffer.from('[]'), { fileName: '2025-01-01.json' }).papers).toEqual([]);
    expect(() => parseDigest(Buffer.from('[1, 2]'))).toThrow(ParseError);
    expect(() => parseDigest(Buffer.from('{"status": "error"}'), { format: 'hf-api' })).toThrow(/neither a list/);
  });
});
