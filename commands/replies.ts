import { readingLine, tldrLine } from '../src/core/cards.js';
import type { PaperCard, Reply, ReplyAction, SnippetPart } from '../src/core/reply.js';

/** Plain text of a snippet with the matched words in *stars* (the fallback every platform shows). */
export function snippetText(parts: SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `*${p.text}*` : p.text)).join('');
}

/** One card as fallback text lines: title, TL;DR, link, authors · date · upvotes · id, snippet, reading state. */
export function cardLines(card: PaperCard): string[] {
  const meta = [
    card.authors,
    card.digestDates.length ? `digest ${card.digestDates[card.digestDates.length - 1]}` : undefined,
    card.upvotes !== undefined ? `${card.upvotes} upvotes` : undefined,
    `id ${card.paperId}`,
  ].filter(Boolean);
  const lines = [card.title];
  if (card.tldr) lines.push(tldrLine(card.tldr));
  if (card.url) lines.push(card.url);
  lines.push(meta.join(' · '));
  const snippet = snippetText(card.snippet);
  if (snippet) lines.push(snippet);
  if (card.reading) lines.push(readingLine(card.reading));
  return lines;
}

/**
 * A reply showing cards. Its text's first line is the heading (renderers that draw the cards
 * themselves show only that line); the rest is the numbered fallback list.
 */
export function cardsReply(heading: string, cards: PaperCard[], opts: { ephemeral?: boolean; actions?: ReplyAction[] } = {}): Reply {
  const body = cards.map((c, i) => cardLines(c).map((l, j) => (j === 0 ? `${i + 1}. ${l}` : `   ${l}`)).join('\n'));
  const reply: Reply = { text: [heading, ...body].join('\n'), cards, ephemeral: opts.ephemeral ?? true };
  if (opts.actions?.length) reply.actions = opts.actions;
  return reply;
}

/** A plain message to the caller only. */
export function textReply(text: string, ephemeral = true): Reply {
  return { text, ephemeral };
}
