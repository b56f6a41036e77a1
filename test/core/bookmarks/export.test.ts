import { describe, expect, it } from 'vitest';
import { baseKey, bibtexEntry, bibtexTitle, escapeBibtex, toBibtex, uniqueKeys } from '../../../src/core/bookmarks/bibtex.js';
import { csvCell, toCsv } from '../../../src/core/bookmarks/csv.js';
import { exportFile } from '../../../src/core/bookmarks/export.js';
import { toMarkdown } from '../../../src/core/bookmarks/markdown.js';
import { paper } from './papers.js';

const merging = paper({
  id: '2401.12345',
  arxivId: '2401.12345',
  title: 'LLMs & Model Merging: 100% of $GPU_cost {saved} ~ via x^2 \\ hacks #1',
  authors: ['Jane Q. Doe', 'Bob Smith', 'Élodie Ünal'],
  categories: ['cs.LG', 'cs.AI'],
  publishedAt: '2024-01-22T10:00:00Z',
  digestDates: ['2024-01-23'],
  links: ['https://github.com/x/y'],
});

describe('BibTeX export', () => {
  it('writes @misc with eprint, archivePrefix, primaryClass, url and authors joined with and', () => {
    const e = bibtexEntry(merging, 'doe2024llms');
    expect(e).toBe(
      [
        '@misc{doe2024llms,',
        '  title = {{LLM}s \\& {Model} {Merging}: 100\\% of \\${GPU}\\_cost \\textbraceleft{}saved\\textbraceright{} \\textasciitilde{} via x\\textasciicircum{}2 \\textbackslash{} hacks \\#1},',
        '  author = {Jane Q. Doe and Bob Smith and Élodie Ünal},',
        '  year = {2024},',
        '  eprint = {2401.12345},',
        '  archivePrefix = {arXiv},',
        '  primaryClass = {cs.LG},',
        '  url = {https://arxiv.org/abs/2401.12345}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('escapes every BibTeX special and braces mixed-case words without escaping its own braces', () => {
    expect(escapeBibtex('& % $ # _ { } ~ ^ \\')).toBe('\\& \\% \\$ \\# \\_ \\textbraceleft{} \\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
    expect(bibtexTitle('ChatGPT on BERT-like LLMs')).toBe('{ChatGPT} on {BERT}-like {LLM}s');
    expect(bibtexTitle('AdaMerging: T2I with rStar2 and GPT-4')).toBe('{AdaMerging}: {T2I} with {rStar2} and {GPT}-4');
    expect(bibtexTitle('  two\n lines ')).toBe('two lines');
    expect(bibtexTitle('Pref-GRPO and X-ray')).toBe('{Pref}-{GRPO} and {X}-ray');
    // Braces balance in every entry, whatever the title holds (BibTeX counts escaped braces too).
    const depth = (s: string) => [...s].reduce((d, c) => (d < 0 ? d : d + (c === '{' ? 1 : c === '}' ? -1 : 0)), 0);
    expect(depth(bibtexEntry(merging, 'k'))).toBe(0);
  });

  it('braces every word with a capital, the first word too, so sentence-case styles keep them', () => {
    expect(bibtexTitle('Gaussian Processes for Bayesian Optimization with a Transformer')).toBe('{Gaussian} {Processes} for {Bayesian} {Optimization} with a {Transformer}');
    expect(bibtexTitle('Attention is all you need')).toBe('{Attention} is all you need');
    expect(bibtexTitle('A survey of LLMs')).toBe('{A} survey of {LLM}s');
    expect(bibtexTitle('Learning from Élodie’s data')).toBe('{Learning} from {Élodie}’s data');
    // A decomposed accent (NFD, as some feeds send it) stays inside its word's braces.
    expect(bibtexTitle('Ünal'.normalize('NFD'))).toBe(`{${'Ünal'.normalize('NFD')}}`);
    // Lowercase-only titles and words are left alone; specials are still escaped around the braces.
    expect(bibtexTitle('merging & pruning')).toBe('merging \\& pruning');
    expect(bibtexTitle('Bayesian_Nets {Deep}')).toBe('{Bayesian}\\_{Nets} \\textbraceleft{}{Deep}\\textbraceright{}');
  });

  it('omits arXiv fields for papers without an arXiv id and uses their best link', () => {
    const p = paper({ id: 'title:x', title: 'Hybrid Intelligence', digestDates: ['2026-04-22'], links: ['https://example.org/p'] });
    const e = bibtexEntry(p, 'anon2026hybrid');
    expect(e).not.toMatch(/eprint|archivePrefix|primaryClass|author/);
    expect(e).toContain('url = {https://example.org/p}');
    expect(e).toContain('year = {2026}');
    expect(baseKey(p)).toBe('anon2026hybrid');
  });

  it('makes keys author-year-word and unique (a, b… on clashes)', () => {
    expect(baseKey(merging)).toBe('doe2024llms');
    const a = paper({ id: '1', arxivId: '2403.00001', title: 'The Merging of Models', authors: ['Ann Lee'] });
    const b = paper({ id: '2', arxivId: '2403.00002', title: 'Merging Models Again', authors: ['Al Lee'] });
    const c = paper({ id: '3', arxivId: '2403.00003', title: 'A merging story', authors: ['Bo Lee'] });
    expect(uniqueKeys([a, b, c])).toEqual(['lee2024merging', 'lee2024merginga', 'lee2024mergingb']);
    const bib = toBibtex([a, b, c, merging]);
    const keys = [...bib.matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
    expect(new Set(keys).size).toBe(4);
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks; guards formulas; CRLF rows', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(undefined)).toBe('');
    const csv = toCsv([merging, paper({ id: 'title:q', title: 'Quotes "and", commas' })]);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('id,arxiv_id,title,authors,url,digest_dates,upvotes,categories,links,tags,read,note');
    expect(rows[1]).toBe(
      '2401.12345,2401.12345,LLMs & Model Merging: 100% of $GPU_cost {saved} ~ via x^2 \\ hacks #1,Jane Q. Doe; Bob Smith; Élodie Ünal,https://arxiv.org/abs/2401.12345,2024-01-23,,cs.LG cs.AI,https://github.com/x/y,,,',
    );
    expect(rows[2]).toBe('title:q,,"Quotes ""and"", commas",,,,,,,,,');
    expect(rows[3]).toBe('');
  });
});

describe('Markdown export and files', () => {
  it('lists papers as links with authors, date and id, escaping Markdown', () => {
    const md = toMarkdown([merging, paper({ id: 'title:x', title: 'A [bracketed] *title*' })]);
    expect(md).toBe(
      '# Bookmarked papers\n\n' +
        '- [LLMs & Model Merging: 100% of $GPU\\_cost {saved} ~ via x^2 \\\\ hacks #1](https://arxiv.org/abs/2401.12345) — J. Q. Doe, B. Smith, É. Ünal · digest 2024-01-23 · arXiv:2401.12345\n' +
        '- A \\[bracketed\\] \\*title\\* — id title:x\n',
    );
  });

  it('names the file by format and date', () => {
    expect(exportFile([merging], 'bibtex', '2026-04-25')).toMatchObject({ name: 'bookmarks-2026-04-25.bib', mime: 'application/x-bibtex' });
    expect(exportFile([merging], 'markdown', '2026-04-25').name).toBe('bookmarks-2026-04-25.md');
    expect(exportFile([merging], 'csv', '2026-04-25')).toMatchObject({ name: 'bookmarks-2026-04-25.csv', mime: 'text/csv' });
  });
});
