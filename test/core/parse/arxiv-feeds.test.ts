import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import { DATA } from './data-paths.js';

const feed = (name: string, opts = {}) => parseDigest(fs.readFileSync(path.join(DATA, 'arxiv-feeds', name)), { fileName: name, ...opts });

describe('arXiv RSS 2.0', () => {
  it.each(['arxiv_cs_ai.xml', 'arxiv_cs_cl.xml', 'arxiv_cs_lg.xml'])('%s: 3 new papers dated by the channel', (name) => {
    const r = feed(name);
    expect(r.format).toBe('arxiv-rss');
    expect(r.papers).toHaveLength(3);
    expect(r.digestDate).toBe('2026-04-27');
    for (const p of r.papers) {
      expect(p.arxivId).toMatch(/^\d{4}\.\d{5}$/);
      expect(p.id).toBe(p.arxivId);
      expect(p.announceType).toBe('new');
      expect(p.abstract).not.toMatch(/^Abstract:|Announce Type/);
      expect(p.abstract.length).toBeGreaterThan(200);
      expect(p.authors.length).toBeGreaterThan(0);
      expect(p.categories.length).toBeGreaterThan(0);
      expect(p.digestDate).toBe('2026-04-27');
    }
  });

  it('keeps the first item of cs.AI exactly', () => {
    const p = feed('arxiv_cs_ai.xml').papers[0]!;
    expect(p.arxivId).toBe('2604.21935');
    expect(p.title).toBe('Math Takes Two: A test for emergent mathematical reasoning in communication');
    expect(p.authors).toEqual(['Michael Cooper', 'Samuel Cooper']);
    expect(p.categories).toEqual(['cs.AI', 'cs.LG']);
    expect(p.abstract.startsWith('Although language models demonstrate remarkable proficiency')).toBe(true);
    expect(p.abstract.endsWith('with emergent numerical reasoning capabilities.')).toBe(true);
    expect(p.publishedAt).toBe('2026-04-27T04:00:00.000Z');
  });

  it('reads announce types new, cross and replace in the combined feed', () => {
    const r = feed('arxiv_rss_combined.xml');
    expect(r.papers).toHaveLength(4);
    expect(r.digestDate).toBe('2026-09-24');
    expect(r.papers.map((p) => p.announceType).sort()).toEqual(['cross', 'new', 'new', 'replace']);
    const replaced = r.papers.find((p) => p.announceType === 'replace')!;
    expect(replaced.publishedAt).toBeUndefined();
  });

  it('opts.date overrides the channel day', () => {
    expect(feed('arxiv_cs_ai.xml', { date: '2026-04-28' }).papers[0]!.digestDate).toBe('2026-04-28');
  });
});

describe('arXiv API Atom', () => {
  it('reads the 2 entries with authors, categories (primary first) and links', () => {
    const r = feed('arxiv_response.xml');
    expect(r.format).toBe('arxiv-atom');
    expect(r.digestDate).toBeUndefined();
    expect(r.papers).toHaveLength(2);
    const p = r.papers[0]!;
    expect(p.id).toBe('2510.14968');
    expect(p.title).toBe('RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks');
    expect(p.authors).toEqual(['Mingxuan Yan', 'Yuping Wang', 'Zechun Liu', 'Jiachen Li']);
    expect(p.categories).toEqual(['cs.RO', 'cs.AI', 'cs.CV', 'cs.LG', 'cs.SY', 'eess.SY']);
    expect(p.publishedAt).toBe('2025-10-16T17:59:37.000Z');
    expect(p.links).toEqual(['https://rdd-neurips.github.io']);
    expect(p.abstract.startsWith('To tackle long-horizon tasks')).toBe(true);
    expect(p.digestDate).toBeUndefined();
  });

  it('an empty result is zero papers, not an error', () => {
    const r = feed('arxiv_empty.xml');
    expect(r.format).toBe('arxiv-atom');
    expect(r.papers).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('dates entries only when told', () => {
    expect(feed('arxiv_response.xml', { date: '2025-10-17' }).papers.every((p) => p.digestDate === '2025-10-17')).toBe(true);
  });
});
