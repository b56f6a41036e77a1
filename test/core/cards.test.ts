import { describe, expect, it } from 'vitest';
import { listAuthors, plainSnippet, shortenAuthors, shortName, toCard } from '../../src/core/cards.js';
import { paper } from './bookmarks/papers.js';

describe('paper cards', () => {
  it('shortens authors: initials, three at most, else two and et al.', () => {
    expect(shortName('Jane Quinn Doe')).toBe('J. Q. Doe');
    expect(shortName('J. Doe')).toBe('J. Doe');
    expect(shortName('Plato')).toBe('Plato');
    expect(shortenAuthors(['Ann Lee', 'Bo Chen', 'Cy Wu'])).toBe('A. Lee, B. Chen, C. Wu');
    expect(shortenAuthors(['Ann Lee', 'Bo Chen', 'Cy Wu', 'Di Ma'])).toBe('A. Lee, B. Chen et al.');
    expect(shortenAuthors([])).toBe('');
  });

  it('lists up to 20 authors in full for show, then how many more; none is "unknown"', () => {
    const names = Array.from({ length: 211 }, (_, i) => `Author ${i + 1}`);
    expect(listAuthors(names.slice(0, 20))).toBe(names.slice(0, 20).join(', '));
    expect(listAuthors(names.slice(0, 21))).toBe(`${names.slice(0, 20).join(', ')} and 1 more`);
    expect(listAuthors(names)).toBe(`${names.slice(0, 20).join(', ')} and 191 more`);
    expect(listAuthors(names, 2)).toBe('Author 1, Author 2 and 209 more');
    expect(listAuthors([])).toBe('unknown');
  });

  it('links to arXiv when the id is known, else the first link; snippet from the abstract', () => {
    const withArxiv = toCard(paper({ id: '2401.1', arxivId: '2401.00001', title: 'T', upvotes: 3, links: ['https://github.com/a/b'], abstract: 'word '.repeat(100) }));
    expect(withArxiv.url).toBe('https://arxiv.org/abs/2401.00001');
    expect(withArxiv.upvotes).toBe(3);
    expect(withArxiv.snippet[0]!.text.endsWith('…')).toBe(true);
    expect(withArxiv.snippet[0]!.text.length).toBeLessThanOrEqual(241);
    const noArxiv = toCard(paper({ id: 'title:t', title: 'T', links: ['https://proj.example'] }), { snippet: [{ text: 'hit', hit: true }] });
    expect(noArxiv.url).toBe('https://proj.example');
    expect(noArxiv.snippet).toEqual([{ text: 'hit', hit: true }]);
    expect(noArxiv).not.toHaveProperty('upvotes');
    expect(plainSnippet('')).toEqual([]);
  });
});
