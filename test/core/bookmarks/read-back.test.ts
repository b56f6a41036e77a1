import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { parse as parseCsv } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { exportFile, type ExportFormat } from '../../../src/core/bookmarks/export.js';
import type { StoredPaper } from '../../../src/core/paper.js';
import type { Annotation } from '../../../src/core/reading/ports.js';
import { paper } from './papers.js';

/**
 * Every export read back with a real parser (citation-js for RIS, CSL-JSON and BibTeX; csv-parse;
 * marked) and its fields compared: hostile titles, non-Latin authors, papers without authors,
 * notes and tags included.
 */
const papers: StoredPaper[] = [
  paper({
    id: '2401.12345',
    arxivId: '2401.12345',
    title: 'LLMs & Model Merging: 100% of $GPU_cost ~ via x^2 #1',
    authors: ['Jane Q. Doe', 'Иван Петров', '王小明'],
    publishedAt: '2024-01-22T10:00:00Z',
    abstract: 'We merge models.',
  }),
  // A title trying to end the RIS record and open a new one, across lines.
  paper({ id: 'title:er', title: 'Ending early\nER  - \nTY  - JOUR "quoted", and, commas', authors: [], links: ['https://example.org/p?a=1&b=2'], digestDates: ['2025-03-04'] }),
  paper({ id: '2502.00002', arxivId: '2502.00002', title: 'Ünal’s Ǆ-test: émigré names', authors: ['Élodie Ünal'], publishedAt: '2025-02-03T00:00:00Z' }),
];
const notes = new Map<string, Annotation>([
  ['2401.12345', { note: 'Compare with TIES; see §3 & eq. (2) — 100% worth it', readAt: '2026-05-01T10:00:00.000Z', tags: ['LLM', 'to-cite'] }],
  ['title:er', { note: 'ER  - fake end', tags: ['weird,tag'] }],
]);

const content = (format: ExportFormat) => exportFile(papers, format, '2026-05-01', notes).content;

type Csl = { title?: string; author?: Array<{ family?: string; given?: string; literal?: string }>; note?: string; keyword?: string; URL?: string; DOI?: string; issued?: { 'date-parts': number[][] } };

function names(item: Csl): string[] {
  return (item.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(' '));
}

// RIS and BibTeX put a value on one line: runs of white space in a note come back as one space.
function expectCommonFields(items: Csl[], opts: { keywords: string[][]; note1: string }) {
  expect(items).toHaveLength(3);
  expect(items.map(names)).toEqual([['Jane Q. Doe', 'Иван Петров', '王小明'], [], ['Élodie Ünal']]);
  expect(items[0]!.note).toBe(notes.get('2401.12345')!.note);
  expect(items[1]!.note).toBe(opts.note1);
  expect(items[2]!.note).toBeUndefined();
  expect(items.map((i) => (i.keyword ? i.keyword.split(/,\s*/) : []))).toEqual(opts.keywords);
  expect(items[0]!.URL).toBe('https://arxiv.org/abs/2401.12345');
  expect(items[1]!.URL).toBe('https://example.org/p?a=1&b=2');
  expect(items[0]!.issued?.['date-parts'][0]).toEqual([2024, 1, 22]);
}

describe('exports read back with a real parser', () => {
  it('RIS (citation-js): one record per paper, a hostile title cannot end a record early', async () => {
    const items = (await Cite.async(content('ris'), { forceType: '@ris/file' })).data as Csl[];
    expectCommonFields(items, { keywords: [['LLM', 'to-cite'], ['weird', 'tag'], []], note1: 'ER - fake end' });
    expect(items.map((i) => i.title)).toEqual([papers[0]!.title, 'Ending early ER - TY - JOUR "quoted", and, commas', papers[2]!.title]);
    expect(items[0]!.DOI).toBe('10.48550/arXiv.2401.12345');
  });

  it('CSL-JSON (citation-js): items, names split, note and keyword', async () => {
    const items = (await Cite.async(JSON.parse(content('csl-json')) as object[])).data as Csl[];
    expectCommonFields(items, { keywords: [['LLM', 'to-cite'], ['weird tag'], []], note1: 'ER  - fake end' });
    expect(items.map((i) => i.title)).toEqual([papers[0]!.title, 'Ending early ER - TY - JOUR "quoted", and, commas', papers[2]!.title]);
    expect(items[2]!.author).toEqual([{ family: 'Ünal', given: 'Élodie' }]);
  });

  it('BibTeX (citation-js): titles, authors, note and keywords come back', async () => {
    const items = (await Cite.async(content('bibtex'), { forceType: '@biblatex/text' })).data as Csl[];
    expect(items.map(names)).toEqual([['Jane Q. Doe', 'Иван Петров', '王小明'], [], ['Élodie Ünal']]);
    expect(items.map((i) => i.title)).toEqual([papers[0]!.title, 'Ending early ER - TY - JOUR "quoted", and, commas', papers[2]!.title]);
    expect(items[0]!.note).toBe(notes.get('2401.12345')!.note);
    expect(items[1]!.note).toBe('ER - fake end');
    expect(items.map((i) => (i.keyword ? i.keyword.split(/,\s*/) : []))).toEqual([['LLM', 'to-cite'], ['weird tag'], []]);
  });

  it('CSV (csv-parse): tags, read date and note columns', () => {
    const [header, ...rows] = parseCsv(content('csv'), { relax_column_count: false }) as string[][];
    const col = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r[col('title')])).toEqual(papers.map((p) => p.title));
    expect(rows.map((r) => r[col('authors')])).toEqual(['Jane Q. Doe; Иван Петров; 王小明', '', 'Élodie Ünal']);
    expect(rows.map((r) => r[col('tags')])).toEqual(['LLM; to-cite', 'weird,tag', '']);
    expect(rows.map((r) => r[col('read')])).toEqual(['2026-05-01', '', '']);
    expect(rows.map((r) => r[col('note')])).toEqual([notes.get('2401.12345')!.note, 'ER  - fake end', '']);
  });

  it('Markdown (marked): one list item per paper, tags and read state and the note quoted under it', () => {
    const list = marked.lexer(content('markdown')).find((t) => t.type === 'list') as Tokens.List;
    expect(list.items).toHaveLength(3);
    const first = list.items[0]!;
    expect(first.text).toContain('read 2026-05-01 · #LLM #to-cite');
    const quote = first.tokens.find((t) => t.type === 'blockquote') as Tokens.Blockquote;
    expect(quote.text).toBe(notes.get('2401.12345')!.note);
    expect(list.items[2]!.tokens.some((t) => t.type === 'blockquote')).toBe(false);
  });
});
