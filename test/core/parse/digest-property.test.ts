import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors.js';
import { parseDateLine } from '../../../src/core/parse/digest-paragraphs.js';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import type { ParseResult } from '../../../src/core/parse/ports.js';
import { SEED_DIGEST, seedPairs } from './data-paths.js';

/** Generous limit: these read the whole data set, and the machines are shared. */
const SLOW = { timeout: 120_000 };

/** parseDigest that may only fail with a ParseError; undefined when it did. */
function parseOrParseError(buf: Buffer, opts = {}): ParseResult | undefined {
  try {
    return parseDigest(buf, { now: new Date('2026-11-25T00:00:00Z'), ...opts });
  } catch (err) {
    if (!(err instanceof ParseError)) throw new Error(`threw ${String(err)} instead of a ParseError`);
    return undefined;
  }
}

const HEADER_WORDS = new Set(['new', 'subscribe']);
const word = fc.oneof(
  fc.constantFrom('Large', 'language', 'Models', 'for', 'Multi-Task', 'Learning', 'via', 'LLM', 'Agents', 'of', 'the', 'Benchmark', 'RL', '3D', 'GPT-4o', 'Zero-Shot', 'm&m\'s', 'A', 'Towards', 'Diffusion'),
  fc.stringMatching(/^[A-Za-z][a-z0-9]{0,9}$/),
);

/** A well-formed title: 1-15 words, maybe a colon, a ` -- `, a final ? or !, never a final period. */
const title = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 15 }), fc.constantFrom('', ':', ' --'), fc.constantFrom('', '?', '!'), fc.nat())
  .map(([words, mid, end, at]) => {
    const w = [...words];
    if (mid && w.length > 1) w[at % (w.length - 1)] += mid;
    return w.join(' ') + end;
  })
  .filter((t) => !HEADER_WORDS.has(t.toLowerCase()) && !parseDateLine(t));

const sentence = fc
  .tuple(fc.constantFrom('We', 'This', 'Our', 'Results', 'Code', 'The'), fc.array(word, { minLength: 3, maxLength: 14 }), fc.constantFrom('.', '.', '!', '?'))
  .map(([first, rest, end]) => `${first} ${rest.join(' ').toLowerCase()}${end}`);

/** A well-formed abstract: several sentences, the last ending with a period. */
const abstract = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 7 }), sentence)
  .map(([s, last]) => `${s.join(' ')} ${last.replace(/[!?]$/, '.')}`);

const blankRun = fc.constantFrom('\n\n', '\n\n\n', '\n \n', '\r\n\r\n', '\n\t\n\n');
const garbage = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }).map((s) => s.replace(/\0/g, '')),
  title, // a dangling title
  abstract, // an abstract with no title
  abstract.map((a) => a.slice(0, Math.floor(a.length / 2))), // a cut-off abstract
  fc.constantFrom('Apr 22', 'Subscribe', '{"json": true}', '<rss>', '[x]', '...', 'http://', '\\url{'),
);

type Unit = { kind: 'pair'; title: string; abstract: string } | { kind: 'broken'; text: string };
const unit: fc.Arbitrary<Unit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('pair' as const), title, abstract }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('broken' as const), text: garbage.map((g) => g.replace(/\r?\n\s*\n/g, '\n')) }) },
);

describe('text digest properties', () => {
  it('random digests: only ParseError, and every well-formed pair survives next to broken ones', SLOW, () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(unit, blankRun), { minLength: 1, maxLength: 12 }), (header, units) => {
        let text = header ? 'new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nbyAK and the research community\n\nApr 22\n\n' : '';
        for (const [u, gap] of units) text += (u.kind === 'pair' ? `${u.title}${gap}${u.abstract}` : u.text) + gap;
        const r = parseOrParseError(Buffer.from(text, 'utf8'), { format: 'hf-digest-text' });
        const pairs = units.map(([u]) => u).filter((u): u is Extract<Unit, { kind: 'pair' }> => u.kind === 'pair');
        if (pairs.length === 0) return;
        expect(r, 'a digest with well-formed pairs must parse').toBeDefined();
        for (const p of pairs) {
          expect(r!.papers.some((q) => q.title === p.title && q.abstract === p.abstract), `lost "${p.title}"`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the seed digest with one pair damaged keeps every other pair exactly', SLOW, () => {
    const pairs = seedPairs();
    const damage = fc.oneof(
      fc.record({ part: fc.constantFrom('title' as const, 'abstract' as const), with: garbage.map((g) => g.replace(/\r?\n\s*\n/g, '\n')) }),
      fc.record({ part: fc.constant('cut' as const), with: fc.constant('') }),
    );
    fc.assert(
      fc.property(fc.nat({ max: pairs.length - 1 }), damage, fc.nat(), (k, d, cutAt) => {
        const parts = ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community', 'Apr 22'];
        pairs.forEach((p, i) => {
          if (i !== k) return parts.push(p.title, p.abstract);
          if (d.part === 'title') parts.push(d.with, p.abstract);
          else if (d.part === 'abstract') parts.push(p.title, d.with);
          else parts.push(p.title, p.abstract.slice(0, cutAt % p.abstract.length));
        });
        const r = parseOrParseError(Buffer.from(parts.join('\n\n')));
        expect(r).toBeDefined();
        for (const [i, p] of pairs.entries()) {
          if (i === k) continue;
          expect(r!.papers.some((q) => q.title === p.title && q.abstract === p.abstract), `lost pair ${i}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('mutated seed digests (any bytes changed, cut, repeated) throw nothing but ParseError', SLOW, () => {
    const seed = fs.readFileSync(SEED_DIGEST);
    const mutation = fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.uint8Array({ maxLength: 40 }), fc.constantFrom('replace', 'cut', 'repeat', 'delete'));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        let buf = Buffer.from(seed);
        for (const [at, len, bytes, op] of mutations) {
          const i = at % (buf.length + 1);
          if (op === 'replace') buf = Buffer.concat([buf.subarray(0, i), Buffer.from(bytes), buf.subarray(i + bytes.length)]);
          else if (op === 'cut') buf = buf.subarray(0, i);
          else if (op === 'repeat') buf = Buffer.concat([buf.subarray(0, i + len), buf.subarray(i)]);
          else buf = Buffer.concat([buf.subarray(0, i), buf.subarray(i + len)]);
        }
        parseOrParseError(buf);
        parseOrParseError(buf, { format: 'hf-digest-text' });
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes and strings in any format throw nothing but ParseError', SLOW, () => {
    const formats = [undefined, 'hf-digest-text', 'hf-api', 'arxiv-rss', 'arxiv-atom', 'arxiv-jsonl', 'arxiv-kaggle'] as const;
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 500 }).map((b) => Buffer.from(b)), fc.string({ unit: 'grapheme', maxLength: 500 }).map((s) => Buffer.from(s)), fc.json().map((s) => Buffer.from(s))),
        fc.constantFrom(...formats),
        (buf, format) => {
          parseOrParseError(buf, format ? { format } : {});
        },
      ),
      { numRuns: 500 },
    );
  });
});
