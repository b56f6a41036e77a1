import { describe, expect, it } from 'vitest';
import { MAX_SECTION_TEXT, cardText } from '../../../src/adapters/slack/render-blocks.js';
import { renderHome } from '../../../src/adapters/slack/render-home.js';
import type { PaperCard } from '../../../src/core/reply.js';

const card = (over: Partial<PaperCard> = {}): PaperCard => ({
  paperId: '2508.20751',
  title: 'Pref-GRPO',
  url: 'https://arxiv.org/abs/2508.20751',
  authors: 'Y. Wang et al.',
  digestDates: ['2025-08-29'],
  snippet: [{ text: 'x '.repeat(2000) }],
  links: [],
  ...over,
});

describe('Slack cards: TL;DR first, reading state last', () => {
  it('puts the labelled TL;DR right under the title and the reading line at the end, within the section limit', () => {
    const text = cardText(card({ tldr: { text: 'Pairwise rewards <stop> hacking & more.', source: 'hf' }, reading: { read: false, tags: ['rl'], note: 'ask <@U0ANN> & @channel' } }));
    const lines = text.split('\n');
    expect(lines[1]).toBe('_TL;DR (Hugging Face):_ Pairwise rewards &lt;stop&gt; hacking &amp; more.');
    expect(lines.at(-1)).toBe('📖 unread · #rl · 📝 ask &lt;@U0ANN&gt; &amp; @\u200bchannel');
    expect(text.length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    expect(cardText(card({ tldr: { text: 'From the abstract.', source: 'extracted' } })).split('\n')[1]).toBe('_TL;DR (from the abstract):_ From the abstract.');
  });

  it('the Home view stays within 100 blocks whatever the list holds', () => {
    const many = Array.from({ length: 60 }, (_, i) => card({ paperId: `p${i}`, reading: { read: false, tags: [] } }));
    const view = renderHome({ unread: many, read: many, totals: { bookmarks: 120, unread: 60 }, tags: [{ tag: 'a', count: 1 }], forMe: many });
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBe(100);
    const empty = renderHome({ unread: [], read: [], totals: { bookmarks: 0, unread: 0 }, tags: [] });
    expect(JSON.stringify(empty.blocks)).toContain('No bookmarks yet');
    // The count line names one bookmark in the singular, more in the plural.
    expect(JSON.stringify(view.blocks)).toContain('120 bookmarks, 60 unread');
    const one = renderHome({ unread: [many[0]!], read: [], totals: { bookmarks: 1, unread: 1 }, tags: [] });
    expect(JSON.stringify(one.blocks)).toContain('1 bookmark, 1 unread');
  });
});
