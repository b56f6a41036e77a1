import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParseError } from '../../../src/core/errors.js';
import { PaperSchema } from '../../../src/core/paper.js';
import { parseDigest } from '../../../src/core/parse/parse-digest.js';
import { FIXTURES, SEED_DIGEST, seedPairs } from './data-paths.js';

const seed = fs.readFileSync(SEED_DIGEST);
const NOW = new Date('2026-11-25T12:00:00Z');
const text = (s: string, opts = {}) => parseDigest(Buffer.from(s, 'utf8'), { now: NOW, ...opts });

describe('text digest: the seed file', () => {
  const r = parseDigest(seed, { fileName: '000_ef33da10a12a54aa.txt', now: NOW });

  it('yields exactly the 74 papers, in order, with exact titles and full abstracts', () => {
    expect(r.format).toBe('hf-digest-text');
    expect(r.papers).toHaveLength(74);
    const expected = seedPairs();
    expect(expected).toHaveLength(74);
    expect(r.papers.map((p) => p.title)).toEqual(expected.map((p) => p.title));
    expect(r.papers.map((p) => p.abstract)).toEqual(expected.map((p) => p.abstract));
    expect(r.warnings).toEqual([]);
  });

  it('keeps known titles exactly', () => {
    const titles = r.papers.map((p) => p.title);
    expect(titles[0]).toBe(
      'A Multitask, Multilingual, Multimodal Evaluation of ChatGPT on Reasoning, Hallucination, and Interactivity',
    );
    expect(titles).toContain('Hogwild! Inference: Parallel LLM Generation via Concurrent Attention');
    expect(titles).toContain('Can Language Models Follow Multiple Turns of Entangled Instructions?');
    expect(titles).toContain('Hybrid Intelligence');
    expect(titles).toContain('Programming Puzzles');
    expect(titles).toContain("m&m's: A Benchmark to Evaluate Tool-Use for multi-step multi-modal Tasks");
    expect(titles.some((t) => t.startsWith('Doing More with Less -- Implementing Routing Strategies'))).toBe(true);
    expect(titles.some((t) => t.startsWith('What, How, Where, and How Well? A Survey on Test-Time Scaling'))).toBe(true);
  });

  it('keeps abstracts whole (first and last words)', () => {
    const first = r.papers[0]!.abstract;
    expect(first.startsWith('This paper proposes a framework for quantitatively evaluating interactive LLMs')).toBe(true);
    expect(first.endsWith('We also release codebase for evaluation set extraction.')).toBe(true);
    const hybrid = r.papers.find((p) => p.title === 'Hybrid Intelligence')!;
    expect(hybrid.abstract.startsWith('Research has a long history of discussing what is superior')).toBe(true);
    expect(r.papers.every((p) => p.abstract.length > 1000)).toBe(true);
  });

  it('gives title ids, no arXiv id, the digest date and valid papers', () => {
    for (const p of r.papers) {
      expect(PaperSchema.safeParse(p).success).toBe(true);
      expect(p.arxivId).toBeUndefined();
      expect(p.id.startsWith('title:')).toBe(true);
      expect(p.digestDate).toBe('2026-04-22');
      expect(p.flags).toEqual([]);
    }
    expect(new Set(r.papers.map((p) => p.id)).size).toBe(74);
    expect(r.digestDate).toBe('2026-04-22');
  });

  it('extracts cleaned links from abstracts', () => {
    const hd = r.papers.find((p) => p.title.startsWith('HDFlow'))!;
    expect(hd.links).toEqual(['https://github.com/wenlinyao/HDFlow']);
    const twin = r.papers.find((p) => p.title.startsWith('Twin-Merging'))!;
    expect(twin.links).toEqual(['https://github.com/LZY-the-boys/Twin-Mergin']);
    const mnms = r.papers.find((p) => p.title.startsWith("m&m's"))!;
    expect(mnms.links).toEqual(['https://huggingface.co/datasets/zixianma/mnms', 'https://github.com/RAIVNLab/mnms']);
    const cy = r.papers.find((p) => p.title.startsWith('Cybench'))!;
    expect(cy.links).toEqual(['https://cybench.github.io']);
  });
});

describe('text digest: the date line', () => {
  const body = 'Apr 22\n\nA Title\n\nAn abstract sentence. Another one.\n';
  it('takes the year from opts.date, and opts.date wins over the line (with a warning if they differ)', () => {
    expect(text(body, { date: '2024-04-22' }).digestDate).toBe('2024-04-22');
    const r = text(body, { date: '2024-04-23' });
    expect(r.papers[0]!.digestDate).toBe('2024-04-23');
    expect(r.warnings.join(' ')).toMatch(/date line says .* given date is 2024-04-23/);
  });
  it('else from a YYYY-MM-DD in the file name (latest such day not after it)', () => {
    expect(text(body, { fileName: 'digest-2023-05-01.txt' }).digestDate).toBe('2023-04-22');
    expect(text(body, { fileName: '/x/2024-01-03-hf.txt' }).digestDate).toBe('2023-04-22');
  });
  it('else the nearest past date relative to now', () => {
    expect(text(body, { now: new Date('2026-04-22T10:00:00Z') }).digestDate).toBe('2026-04-22');
    expect(text(body, { now: new Date('2026-04-21T10:00:00Z') }).digestDate).toBe('2025-04-22');
    expect(text('Feb 29\n\nT\n\nA b. C d.', { now: new Date('2026-03-01T00:00:00Z') }).digestDate).toBe('2024-02-29');
  });
  it('reads a year written on the line and other spellings', () => {
    expect(text('April 22, 2023\n\nT\n\nA b. C d.').digestDate).toBe('2023-04-22');
    expect(text('22 Apr 2021\n\nT\n\nA b. C d.').digestDate).toBe('2021-04-22');
    expect(text('2020-01-05\n\nT\n\nA b. C d.').digestDate).toBe('2020-01-05');
  });
  it('without a date line uses opts.date or the file name, else no date', () => {
    expect(text('T\n\nA b. C d.').digestDate).toBeUndefined();
    expect(text('T\n\nA b. C d.', { fileName: '2025-02-03.txt' }).papers[0]!.digestDate).toBe('2025-02-03');
  });
});

describe('text digest: tolerances', () => {
  const fixture = fs.readFileSync(path.join(FIXTURES, 'tolerant-digest.txt'), 'utf8');
  const expectedTitles = [
    'Is Attention All You Need? Revisiting Transformers -- A Survey',
    'Hogwild! Inference: Parallel Generation',
    'Orca',
    'A Dangling Title Without Any Abstract',
    'Q&A: What Makes a Benchmark Hard?',
  ];
  const variants: Record<string, string> = {
    'as written (tabs, trailing spaces, several blank lines, no header)': fixture,
    CRLF: fixture.replace(/\n/g, '\r\n'),
    'old Mac CR': fixture.replace(/\n/g, '\r'),
    BOM: `\uFEFF${fixture}`,
    'BOM + CRLF + header': `\uFEFFnew\r\n\r\nGet trending papers in your email inbox!\r\n\r\nSubscribe\r\n\r\nbyAK and the research community\r\n\r\n${fixture.replace(/\n/g, '\r\n')}`,
    'tabs for spaces': fixture.replace(/ /g, '\t'),
    'indented lines': fixture.replace(/^/gm, '   '),
    'many blank lines with spaces': fixture.replace(/\n\n/g, '\n  \n\t\n\n'),
  };
  for (const [name, input] of Object.entries(variants)) {
    it(`reads every paper: ${name}`, () => {
      const r = text(input, { now: new Date('2025-01-02T00:00:00Z') });
      expect(r.papers.map((p) => p.title)).toEqual(expectedTitles);
      expect(r.digestDate).toBe('2024-12-31');
      const attn = r.papers[0]!;
      expect(attn.abstract).toBe(
        'We revisit the transformer architecture and ask whether attention is really all that matters. Our study covers 40 models. Code is at \\url{https://github.com/example/attn-survey.}.',
      );
      expect(attn.links).toEqual(['https://github.com/example/attn-survey']);
      expect(r.papers[2]!.links).toEqual(['https://orca-demo.github.io']);
    });
  }

  it('keeps a dangling title flagged no-abstract with a warning', () => {
    const r = text(fixture);
    const d = r.papers.find((p) => p.title === 'A Dangling Title Without Any Abstract')!;
    expect(d.abstract).toBe('');
    expect(d.flags).toEqual(['no-abstract']);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/line 19: title without an abstract/);
  });

  it('keeps a dangling title at the very end', () => {
    const r = text('T1\n\nAbstract one. More.\n\nLast Title Alone\n');
    expect(r.papers.map((p) => [p.title, p.flags])).toEqual([['T1', []], ['Last Title Alone', ['no-abstract']]]);
  });

  it('skips text that has no title before it, with a warning', () => {
    const r = text('T1\n\nAbstract one. More here.\n\nA stray second abstract. It has no title.\n\nT2\n\nAbstract two. Yes.');
    expect(r.papers.map((p) => p.title)).toEqual(['T1', 'T2']);
    expect(r.warnings.join('\n')).toMatch(/line 5: text without a title before it, skipped/);
  });

  it('reads a title wrapped over two lines, and a title glued to a long abstract line', () => {
    const long = `We study things. ${'This sentence makes the abstract long enough. '.repeat(6)}`.trim();
    const r = text(`A Long Title That Was\nWrapped By The Mail Client\n\n${long}\n\nGlued Title\n${long}\n`);
    expect(r.papers.map((p) => p.title)).toEqual(['A Long Title That Was Wrapped By The Mail Client', 'Glued Title']);
    expect(r.papers.every((p) => p.abstract === long)).toBe(true);
  });

  it('reads an abstract without a final period after its title, and a short one-sentence abstract', () => {
    const r = text('Title One\n\nCode and data are at https://x.github.io\n\nTitle Two\n\nWe propose a method.');
    expect(r.papers.map((p) => [p.title, p.abstract])).toEqual([
      ['Title One', 'Code and data are at https://x.github.io'],
      ['Title Two', 'We propose a method.'],
    ]);
  });

  it('caps the warnings a person has to read', () => {
    const r = text(`${'Lonely Title\n\n'.repeat(120)}Real Title\n\nWe propose a method that works well on every benchmark.`);
    expect(r.papers).toHaveLength(121);
    expect(r.warnings).toHaveLength(51);
    expect(r.warnings[50]).toBe('... and 70 more warnings');
  });

  it('refuses titles alone (a CSV, a word list): not a digest', () => {
    expect(() => text('a,b,c\n1,2,3\n')).toThrow(/no title\/abstract paragraphs/);
    expect(() => text('Lonely Title\n\nAnother Title\n')).toThrow(ParseError);
  });

  it('refuses text with no paper in it', () => {
    expect(() => text('new\n\nSubscribe\n\nApr 22\n')).toThrow(ParseError);
    expect(() => text('new\n\nSubscribe\n\nApr 22\n')).toThrow(/no title\/abstract paragraphs/);
  });
});
