import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors.js';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import { DATA, FIXTURES, dataFiles } from './data-paths.js';

/** Generous limit: these read the whole data set, and the machines are shared. */
const SLOW = { timeout: 120_000 };

describe('arXiv JSON lines (arxiv-daily)', () => {
  it('reads every line of every file: papers == lines holding valid JSON', SLOW, () => {
    let total = 0;
    const ids = new Set<string>();
    const expectedIds = new Set<string>();
    let expectedTotal = 0;
    for (const f of dataFiles('arxiv-daily', '.jsonl')) {
      const text = fs.readFileSync(f, 'utf8');
      const goodLines = text.split('\n').filter((l) => {
        try {
          JSON.parse(l);
          return true;
        } catch {
          return false;
        }
      });
      const name = path.basename(f);
      expectedTotal += goodLines.length;
      for (const l of goodLines) expectedIds.add((JSON.parse(l) as { id: string }).id.replace(/v\d+$/, ''));
      const r = parseDigest(Buffer.from(text), { fileName: name });
      expect(r.format).toBe('arxiv-jsonl');
      expect(r.papers.length, name).toBe(goodLines.length);
      expect(r.digestDate).toBe(name.slice(0, 10));
      r.papers.forEach((p, i) => {
        const o = JSON.parse(goodLines[i]!) as { id: string; title: string; categories: string[]; authors: string[] };
        expect(p.arxivId).toBe(o.id.replace(/v\d+$/, ''));
        expect(p.title).toBe(o.title.replace(/\s+/g, ' ').trim());
        expect(p.categories).toEqual(o.categories);
        expect(p.authors).toEqual(o.authors);
        expect(p.digestDate).toBe(name.slice(0, 10));
        ids.add(p.id);
      });
      total += r.papers.length;
    }
    expect(total).toBe(expectedTotal);
    expect(total).toBeGreaterThan(500);
    // The weekend files repeat listings: the same paper on several days is one id.
    expect(ids).toEqual(expectedIds);
    expect(ids.size).toBeLessThan(total);
  });

  it('reads old-style ids without version, and links from the comment', () => {
    const r = parseDigest(fs.readFileSync(path.join(FIXTURES, 'old-style-ids.jsonl')), { date: '2026-06-08' });
    expect(r.papers.map((p) => p.id)).toEqual(['hep-th/9901001', 'math.GT/0309136', '2401.12345']);
    expect(r.papers[0]!.title).toBe('An Old-Style Paper on Strings');
    expect(r.papers[1]!.links).toEqual(['https://github.com/example/knots']);
    expect(r.papers[2]!.links).toEqual(['https://new-style.github.io/']);
    expect(r.papers.every((p) => p.digestDate === '2026-06-08')).toBe(true);
  });

  it('skips bad lines with a warning naming the line, keeps the rest', () => {
    const r = parseDigest(fs.readFileSync(path.join(FIXTURES, 'bad-lines.jsonl')), { fileName: '2026-06-09.jsonl' });
    expect(r.papers.map((p) => p.title)).toEqual(['First Good Line', 'Third Good Line']);
    expect(r.warnings).toHaveLength(2);
    expect(r.warnings[0]).toMatch(/^line 2: not valid JSON/);
    expect(r.warnings[1]).toMatch(/^line 3: not valid JSON/);
  });

  it('fails the file when no line is good', () => {
    expect(() => parseDigest(Buffer.from('{"id": "2606.1"\n{"broken\n'), { format: 'arxiv-jsonl' })).toThrow(ParseError);
    expect(() => parseDigest(Buffer.from('{"id": "2606.1"\n{"broken\n'), { format: 'arxiv-jsonl' })).toThrow(/no valid JSON line \(line 1/);
  });
});

describe('Kaggle arXiv snapshot', () => {
  const r = parseDigest(fs.readFileSync(path.join(DATA, 'arxiv-kaggle/arxiv-metadata-oai-snapshot.json')));

  it('reads all 200 records', () => {
    expect(r.format).toBe('arxiv-kaggle');
    expect(r.papers).toHaveLength(200);
    expect(r.warnings).toEqual([]);
  });

  it('takes authors from authors_parsed, the date from versions[0], categories split', () => {
    const p = r.papers[0]!;
    expect(p.id).toBe('0704.0001');
    expect(p.title).toBe('Calculation of prompt diphoton production cross sections at Tevatron and LHC energies');
    expect(p.authors).toEqual(['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan']);
    expect(p.publishedAt).toBe('2007-04-02T19:18:42.000Z');
    expect(p.categories).toEqual(['hep-ph']);
    expect(r.papers[1]!.categories).toEqual(['math.CO', 'cs.CG']);
    expect(p.abstract.startsWith('A fully differential calculation')).toBe(true);
    expect(p.digestDate).toBeUndefined();
  });
});
