import { escapeMarkdown, type APIEmbed } from 'discord.js';
import { TLDR_LABEL, readingLine } from '../../core/cards.js';
import type { PaperCard, SnippetPart } from '../../core/reply.js';
import { LIMITS, clip } from './limits.js';

/** Hugging Face yellow: the digest's colour in every embed. */
const COLOR = 0xffd21e;

/** Snippet pieces as Discord markdown, hits in bold, within `max` chars and never cutting a `**…**` pair. */
export function renderSnippet(parts: SnippetPart[], max: number): string {
  let out = '';
  for (const part of parts) {
    const text = escapeMarkdown(part.text.replace(/\s+/g, ' '));
    const piece = part.hit && text.trim() ? `**${text}**` : text;
    if (out.length + piece.length <= max) {
      out += piece;
      continue;
    }
    // Only plain text is cut; a hit that does not fit is left out whole.
    const room = max - out.length;
    if (!part.hit && room > 1) out += clip(text, room);
    else if (room >= 1) out += '…';
    break;
  }
  return out.trim();
}

function isHttpUrl(u: string | undefined): u is string {
  return !!u && /^https?:\/\/\S+$/.test(u) && u.length <= 2048;
}

/** Characters of an embed that count towards the 6,000 a message. */
export function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export interface EmbedOptions {
  /** "1. " before the title in a list. */
  index?: number;
  /** Max description chars (the caller splits the 6,000 budget between embeds). */
  descriptionMax?: number;
  /** Appended to the footer: channel posts say how to bookmark. */
  footerHint?: string;
}

/** One paper card as an embed: linked title, snippet, authors, date, upvotes, code links, id in the footer. */
export function renderCardEmbed(card: PaperCard, opts: EmbedOptions = {}): APIEmbed {
  const prefix = opts.index !== undefined ? `${opts.index}. ` : '';
  const embed: APIEmbed = {
    title: clip(`${prefix}${card.title.replace(/\s+/g, ' ')}`, LIMITS.embedTitle),
    color: COLOR,
  };
  if (isHttpUrl(card.url)) embed.url = card.url;
  const max = Math.min(opts.descriptionMax ?? 700, LIMITS.embedDescription);
  // The TL;DR goes first and is cut last: it is the line a skimming reader reads.
  const tldr = card.tldr && max > 0 ? clip(`*${TLDR_LABEL[card.tldr.source]}:* ${escapeMarkdown(card.tldr.text)}`, max) : '';
  const snippet = renderSnippet(card.snippet, Math.max(0, max - tldr.length - 2));
  const description = [tldr, snippet].filter(Boolean).join('\n\n');
  if (description) embed.description = description;
  const fields: NonNullable<APIEmbed['fields']> = [];
  if (card.authors.trim()) fields.push({ name: 'Authors', value: clip(escapeMarkdown(card.authors), LIMITS.fieldValue), inline: false });
  const last = card.digestDates[card.digestDates.length - 1];
  if (last) {
    const more = card.digestDates.length > 1 ? ` (+${card.digestDates.length - 1} earlier)` : '';
    fields.push({ name: 'Date', value: `${last}${more}`, inline: true });
  }
  if (card.upvotes !== undefined) fields.push({ name: 'Upvotes', value: `▲ ${card.upvotes}`, inline: true });
  const links = card.links.filter(isHttpUrl);
  if (links.length) {
    // Whole links only: a cut URL is a broken link.
    let value = '';
    for (const l of links) if (value.length + l.length + 1 <= LIMITS.fieldValue) value += `${value ? '\n' : ''}${l}`;
    if (value) fields.push({ name: 'Code', value, inline: false });
  }
  if (card.reading) fields.push({ name: 'Your reading list', value: clip(escapeMarkdown(readingLine(card.reading)), LIMITS.fieldValue), inline: false });
  if (fields.length) embed.fields = fields;
  embed.footer = { text: clip(`${card.paperId}${opts.footerHint ? ` · ${opts.footerHint}` : ''}`, LIMITS.footerText) };
  return embed;
}

/**
 * Cards as embeds within one message's limits: at most 10, and the 6,000-char total shared out by
 * giving each description an equal part of what titles, fields and footers leave.
 */
export function renderCardEmbeds(cards: PaperCard[], opts: { numbered?: boolean; footerHint?: string } = {}): APIEmbed[] {
  const shown = cards.slice(0, LIMITS.embedsPerMessage);
  const bare = shown.map((c, i) => renderCardEmbed(c, { index: opts.numbered ? i + 1 : undefined, descriptionMax: 0, footerHint: opts.footerHint }));
  const fixed = bare.reduce((n, e) => n + embedLength(e), 0);
  // Keep a margin for the … and escapes; a card whose fixed part alone is huge gets fields trimmed below.
  const perCard = Math.max(0, Math.floor((LIMITS.embedTotal - 50 - fixed) / Math.max(1, shown.length)));
  const embeds = shown.map((c, i) =>
    renderCardEmbed(c, { index: opts.numbered ? i + 1 : undefined, descriptionMax: Math.min(perCard, 700), footerHint: opts.footerHint }),
  );
  // Pathological inputs (ten cards with 1,000-char author lists): drop fields until the total fits.
  let total = embeds.reduce((n, e) => n + embedLength(e), 0);
  for (let i = embeds.length - 1; total > LIMITS.embedTotal && i >= 0; i--) {
    const e = embeds[i];
    while (total > LIMITS.embedTotal && e.fields?.length) {
      const f = e.fields.pop()!;
      total -= f.name.length + f.value.length;
    }
    if (total > LIMITS.embedTotal && e.description) {
      total -= e.description.length;
      delete e.description;
    }
  }
  return embeds;
}
