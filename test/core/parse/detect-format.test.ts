import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors.js';
import { detectFormat, parseDigest } from '../../../src/core/parse/parse-digest.js';
import { DATA, FIXTURES, SEED_DIGEST } from './data-paths.js';

const read = (p: string) => fs.readFileSync(path.isAbsolute(p) ? p : path.join(DATA, p));

describe('detectFormat', () => {
  it.each([
    [SEED_DIGEST, 'hf-digest-text'],
    ['hf-daily/2024-05-27.json', 'hf-api'],
    ['hf-daily/2024-12-11.json', 'hf-api'],
    ['hf-daily/2025-01-10.json', 'hf-api'],
    ['arxiv-feeds/arxiv_cs_ai.xml', 'arxiv-rss'],
    ['arxiv-feeds/arxiv_rss_combined.xml', 'arxiv-rss'],
    ['arxiv-feeds/arxiv_response.xml', 'arxiv-atom'],
    ['arxiv-feeds/arxiv_empty.xml', 'arxiv-atom'],
    ['arxiv-daily/2026-06-08.jsonl', 'arxiv-jsonl'],
    ['arxiv-kaggle/arxiv-metadata-oai-snapshot.json', 'arxiv-kaggle'],
    [path.join(FIXTURES, 'old-style-ids.jsonl'), 'arxiv-jsonl'],
  ])('%s → %s', (file, format) => expect(detectFormat(read(file))).toBe(format));

  it.each([
    [SEED_DIGEST, 'digest.json', 'hf-digest-text'],
    [SEED_DIGEST, 'feed.xml', 'hf-digest-text'],
    ['hf-daily/2024-05-27.json', 'papers.txt', 'hf-api'],
    ['arxiv-feeds/arxiv_cs_ai.xml', '2026-04-27.json', 'arxiv-rss'],
    ['arxiv-feeds/arxiv_response.xml', 'x.jsonl', 'arxiv-atom'],
    ['arxiv-daily/2026-06-08.jsonl', 'feed.xml', 'arxiv-jsonl'],
    ['arxiv-kaggle/arxiv-metadata-oai-snapshot.json', 'listing.jsonl', 'arxiv-kaggle'],
  ])('content wins over a misleading name: %s named %s', (file, name, format) => {
    expect(detectFormat(read(file), name)).toBe(format);
    expect(parseDigest(read(file), { fileName: name }).format).toBe(format);
  });

  it('reads a one-line JSON-lines file as JSON lines, and a one-line wrapper as HF', () => {
    const line = fs.readFileSync(path.join(DATA, 'arxiv-daily/2026-06-08.jsonl'), 'utf8').split('\n')[0]!;
    expect(detectFormat(line)).toBe('arxiv-jsonl');
    expect(detectFormat('{"status": "success", "date": "2025-01-10", "count": 0, "data": []}')).toBe('hf-api');
  });

  it('a text digest whose first title starts with a bracket is still text', () => {
    expect(detectFormat('[Re] Reproducing Attention\n\nWe reproduce it. It holds.')).toBe('hf-digest-text');
    expect(detectFormat('[1, 2]')).toBe('hf-api');
  });

  it('refuses HTML and other XML', () => {
    expect(() => detectFormat(read(path.join(FIXTURES, 'not-a-digest.html')))).toThrow(/HTML page/);
    expect(() => detectFormat('<?xml version="1.0"?><svg></svg>')).toThrow(/XML with root <svg>/);
    expect(() => detectFormat('<?xml version="1.0"?><svg></svg>')).toThrow(ParseError);
  });

  it('opts.format overrides detection', () => {
    const r = parseDigest(read('arxiv-daily/2026-06-08.jsonl'), { format: 'arxiv-jsonl', fileName: 'x.txt' });
    expect(r.format).toBe('arxiv-jsonl');
    // Forcing the wrong format is the caller's choice: it fails with that format's own reason.
    expect(() => parseDigest(read(SEED_DIGEST), { format: 'hf-api' })).toThrow(/invalid JSON/);
    expect(() => parseDigest(read(SEED_DIGEST), { format: 'arxiv-rss' })).toThrow(ParseError);
  });
});
