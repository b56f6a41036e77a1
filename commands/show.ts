import * as z from 'zod';
import { bibtexEntry, uniqueKeys } from '../src/core/bookmarks/bibtex.js';
import { listAuthors, toCard, tldrLine } from '../src/core/cards.js';
import { bestLink } from '../src/core/paper.js';
import { findPaper } from './find-paper.js';
import { usageLine } from './help-text.js';
import { defineCommand } from './types.js';

const args = z.object({
  paper: z.string().trim().min(1).max(300).meta({ placeholder: 'ID' }).describe('An arXiv id or link, or words of the title'),
});

/** `/papers show <id or title words>`: one paper in full, with its links and BibTeX. */
export const showCommand = defineCommand({
  name: 'show',
  description: 'Show one paper in full, with its links and BibTeX',
  args,
  admin: false,
  positional: ['paper'],
  usage: '/papers show <id or title words>',
  examples: ['/papers show 2401.12345', '/papers show foundation models decision making'],
  async run(a, ctx) {
    const { paper, others } = await findPaper(ctx.store, a.paper, usageLine(showCommand));
    const url = bestLink(paper);
    const lines = [paper.title];
    // The card's TL;DR, so it is extracted once for the text and the card.
    const card = toCard(paper, { snippet: paper.abstract ? [{ text: paper.abstract }] : [] });
    if (card.tldr) lines.push(tldrLine(card.tldr));
    if (url) lines.push(url);
    lines.push(`Authors: ${listAuthors(paper.authors)}`);
    if (paper.digestDates.length) lines.push(`Digests: ${paper.digestDates.join(', ')}`);
    if (paper.upvotes !== undefined) lines.push(`Upvotes: ${paper.upvotes}`);
    if (paper.categories.length) lines.push(`Categories: ${paper.categories.join(', ')}`);
    if (paper.publishedAt) lines.push(`Published: ${paper.publishedAt.slice(0, 10)}`);
    const links = paper.links.filter((l) => l !== url);
    if (links.length) lines.push(`Links: ${links.join(' ')}`);
    lines.push(`Id: ${paper.id}`, '', paper.abstract || '(no abstract in the source)', '', 'BibTeX:', '```', bibtexEntry(paper, uniqueKeys([paper])[0]!).trimEnd(), '```');
    if (others.length) lines.push('', `Also matching: ${others.map((o) => `${o.title} (${o.id})`).join('; ')}`);
    return {
      text: lines.join('\n'),
      cards: [card],
      // The card brings its own Bookmark / More like this / Share buttons (adapters add them).
      ephemeral: true,
    };
  },
});
