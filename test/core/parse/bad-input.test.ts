import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors.js';
import type { Format } from '../../../src/core/parse/ports.js';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import { DATA, FIXTURES } from './data-paths.js';

/** Generous limit: these read the whole data set, and the machines are shared. */
const SLOW = { timeout: 120_000 };

/** The error parseDigest throws, checked to be a one-line ParseError. */
function failure(content: Buffer, opts: { format?: Format; fileName?: string; date?: string } = {}): string {
  try {
    parseDigest(content, opts);
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    const msg = (err as Error).message;
    expect(msg).not.toMatch(/[\r\n]/);
    expect(msg.length).toBeGreaterThan(5);
    return msg;
  }
  throw new Error('expected a ParseError, got a result');
}

describe('bad input → one-line ParseError with a specific reason', () => {
  it('empty and whitespace-only', () => {
    expect(failure(Buffer.alloc(0))).toBe('empty input');
    expect(failure(Buffer.from(' \n\r\n\t '))).toMatch(/^empty input/);
    expect(failure(Buffer.from('\uFEFF'))).toMatch(/^empty input/);
  });

  it('binary (NUL bytes)', () => {
    expect(failure(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toMatch(/^binary file/);
    expect(failure(Buffer.concat([Buffer.from('Title\n\nAbstract. Here.'), Buffer.from([0])]))).toMatch(/^binary file/);
  });

  it('not valid UTF-8, with the offset of the first bad byte', () => {
    const latin1 = Buffer.from('Caf\xe9 Title\n\nAn abstract. Yes.', 'latin1');
    expect(failure(latin1)).toBe('not valid UTF-8 text (first bad byte at offset 3)');
  });

  it('truncated JSON', () => {
    expect(failure(fs.readFileSync(path.join(FIXTURES, 'truncated-hf.json')))).toMatch(/^truncated JSON/);
    expect(failure(Buffer.from('[{"paper": {"id": "2401.00001", "title": "x'))).toMatch(/^truncated JSON/);
    expect(failure(Buffer.from('[{"paper": 1}} ]'))).toMatch(/^invalid JSON/);
  });

  it('truncated XML', () => {
    expect(failure(fs.readFileSync(path.join(FIXTURES, 'truncated-feed.xml')))).toMatch(/^truncated or malformed XML/);
    const atom = fs.readFileSync(path.join(DATA, 'arxiv-feeds/arxiv_response.xml'), 'utf8');
    expect(failure(Buffer.from(atom.slice(0, atom.length - 200)))).toMatch(/^truncated or malformed XML \(unclosed elements feed/);
  });

  it('unrecognized', () => {
    expect(failure(fs.readFileSync(path.join(FIXTURES, 'not-a-digest.html')))).toMatch(/^unrecognized format: an HTML page/);
    expect(failure(Buffer.from('<?xml version="1.0"?><svg/>'))).toMatch(/^unrecognized format: XML with root <svg>/);
    expect(failure(Buffer.from('a,b,c\n1,2,3\n4,5,6\n'.repeat(40)))).toMatch(/^unrecognized format/);
  });

  it('RSS without a channel, JSON lines with no good line', () => {
    expect(failure(Buffer.from('<rss version="2.0"></rss>'))).toBe('RSS document without a <channel>');
    expect(failure(Buffer.from('{"a": 1}\n[1]\n'), { format: 'arxiv-jsonl' })).toMatch(/^no valid paper \(line 1: skipped, title/);
  });

  it('bad options', () => {
    expect(failure(Buffer.from('T\n\nA. B.'), { date: '22 Apr' })).toBe('invalid date "22 Apr" (expected YYYY-MM-DD)');
    expect(failure(Buffer.from('T\n\nA. B.'), { date: '2024-02-30' })).toMatch(/^invalid date/);
    expect(failure(Buffer.from('T\n\nA. B.'), { format: 'pdf' as Format })).toMatch(/^unknown format "pdf"/);
  });

  it('deeply nested JSON and Python literals stay ParseErrors', () => {
    expect(failure(Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`))).toMatch(/ParseError|parse|JSON|paper|entry/);
    expect(failure(Buffer.from(JSON.stringify(['['.repeat(5000)])))).toMatch(/nested too deeply|no valid paper/);
  });

  it('every real file cut at random points fails only with ParseError (or parses)', SLOW, () => {
    const files = ['hf-daily/2024-05-27.json', 'hf-daily/2024-12-11.json', 'arxiv-feeds/arxiv_rss_combined.xml', 'arxiv-feeds/arxiv_response.xml', 'arxiv-daily/2026-06-08.jsonl', 'digests/000_ef33da10a12a54aa.txt'];
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const f of files) {
      const buf = fs.readFileSync(path.join(DATA, f));
      for (let i = 0; i < 15; i++) {
        const cut = buf.subarray(0, Math.floor(rand() * buf.length));
        try {
          parseDigest(cut, { fileName: path.basename(f) });
        } catch (err) {
          expect(err, `${f} cut at ${cut.length}`).toBeInstanceOf(ParseError);
        }
      }
    }
  });
});
