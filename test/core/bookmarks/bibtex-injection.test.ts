import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../src/core/bookmarks/bibtex.js';
import { paper } from './papers.js';

/**
 * Reads a .bib file the way the `bibtex` program does: outside an entry everything but `@` is a
 * comment; an entry runs from `@type{` (or `@type(`) to its matching close, counting every brace;
 * a backslash does NOT protect a brace. Returns each entry's key and fields.
 */
function readBib(text: string): Array<{ type: string; key: string; fields: Record<string, string> }> {
  const entries: Array<{ type: string; key: string; fields: Record<string, string> }> = [];
  let i = 0;
  while ((i = text.indexOf('@', i)) !== -1) {
    const head = /^@\s*([A-Za-z]+)\s*([{(])/.exec(text.slice(i));
    if (!head) {
      i++;
      continue;
    }
    const close = head[2] === '{' ? '}' : ')';
    let j = i + head[0].length;
    const bodyStart = j;
    let depth = 0;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (c === close && depth === 0) break;
    }
    const body = text.slice(bodyStart, j);
    i = j + 1;
    const comma = body.indexOf(',');
    const key = (comma === -1 ? body : body.slice(0, comma)).trim();
    entries.push({ type: head[1]!.toLowerCase(), key, fields: readFields(comma === -1 ? '' : body.slice(comma + 1)) });
  }
  return entries;
}

/** `name = {value}` or `name = "value"` pairs, braces counted the same way. */
function readFields(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  for (;;) {
    const m = /^\s*,?\s*([A-Za-z]+)\s*=\s*([{"])/.exec(s.slice(i));
    if (!m) return out;
    let j = i + m[0].length;
    const start = j;
    let depth = 0;
    for (; j < s.length; j++) {
      const c = s[j];
      if (c === '{') depth++;
      else if (c === '}' && depth === 0 && m[2] === '{') break;
      else if (c === '}') depth--;
      else if (c === '"' && depth === 0 && m[2] === '"') break;
    }
    out[m[1]!.toLowerCase()] = s.slice(start, j);
    i = j + 1;
  }
}

const HOSTILE = [
  '} @misc(pwned2024, title = "Forged entry", author = "Mallory") {',
  'Closing } early',
  '}}}} @article{evil, title={x}}',
  'Opening { never closed',
  '\\} backslash-brace \\{',
  '@misc{inner, title={Forged}}',
  'A {balanced} title',
];

function victim(title: string, i: number) {
  return paper({
    id: `2401.0000${i}`,
    arxivId: `2401.0000${i}`,
    title,
    authors: ['Jane Doe', `Eve } @misc(authorpwn${i}, title="x") {`],
    publishedAt: '2024-01-22T10:00:00Z',
    categories: ['cs.LG'],
  });
}

describe('BibTeX export of hostile titles and authors', () => {
  it('holds exactly one entry per bookmark, each with all its fields', () => {
    for (const [i, title] of HOSTILE.entries()) {
      const entries = readBib(toBibtex([victim(title, i)]));
      expect(entries).toHaveLength(1);
      expect(entries[0]!.key).toMatch(/^doe2024[a-z0-9]+$/);
      const f = entries[0]!.fields;
      expect(Object.keys(f).sort()).toEqual(['archiveprefix', 'author', 'eprint', 'primaryclass', 'title', 'url', 'year']);
      expect(f.year).toBe('2024');
      expect(f.eprint).toBe(`2401.0000${i}`);
      expect(f.url).toBe(`https://arxiv.org/abs/2401.0000${i}`);
    }
    // All of them in one file: still one entry each, in order.
    const all = readBib(toBibtex(HOSTILE.map(victim)));
    expect(all.map((e) => e.fields.eprint)).toEqual(HOSTILE.map((_, i) => `2401.0000${i}`));
  });

  it('keeps braces in a title readable: LaTeX prints them as braces', () => {
    const [e] = readBib(toBibtex([victim('A {balanced} title', 0)]));
    expect(e!.fields.title).toBe('{A} \\textbraceleft{}balanced\\textbraceright{} title');
  });
});
