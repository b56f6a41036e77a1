import { describe, expect, it } from 'vitest';
import { embedLength, renderCardEmbed, renderCardEmbeds } from '../../../src/adapters/discord/render-embed.js';
import { LIMITS } from '../../../src/adapters/discord/limits.js';
import { card } from './stub-chat.js';

describe('Discord embeds: TL;DR first, reading list field', () => {
  it('starts the description with the labelled TL;DR and adds the reading state as a field', () => {
    const e = renderCardEmbed({ ...card('2404.00001'), tldr: { text: 'Merging *models* works.', source: 'extracted' }, reading: { read: true, tags: ['merge'], note: 'cite it' } });
    expect(e.description).toBe('*TL;DR (from the abstract):* Merging \\*models\\* works.\n\nWe study **model merging** at scale.');
    expect(e.fields!.at(-1)).toEqual({ name: 'Your reading list', value: '✅ read · #merge · 📝 cite it', inline: false });
  });

  it('ten cards with long TL;DRs stay within the 6,000-character message total', () => {
    const cards = Array.from({ length: 10 }, (_, i) => ({ ...card(`2404.0000${i}`), tldr: { text: 'long '.repeat(60), source: 'hf' as const }, reading: { read: false, tags: ['a'], note: 'n'.repeat(80) } }));
    const embeds = renderCardEmbeds(cards);
    expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    expect(embeds.every((e) => (e.description ?? '').startsWith('*TL;DR (Hugging Face):*'))).toBe(true);
  });
});
