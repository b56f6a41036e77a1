import type { APIEmbed } from 'discord.js';
import type { OutgoingMessage, PaperCard, Reply } from '../../core/reply.js';
import type { CustomIdCodec } from './custom-ids.js';
import { BOOKMARK_EMOJI, LIMITS, clip } from './limits.js';
import { renderCardEmbeds } from './render-embed.js';
import { renderComponents, type Row } from './render-components.js';

/** A reply in Discord's terms, before it becomes an interaction response or a REST body. */
export interface RenderedMessage {
  content: string;
  embeds: APIEmbed[];
  components: Row[];
  ephemeral: boolean;
  files: Array<{ name: string; data: Buffer }>;
}

/** Never ping anyone: paper titles and abstracts can contain @everyone or <@id>. */
const NO_MENTIONS = { parse: [] as [] };

function uniqueCards(cards: PaperCard[]): PaperCard[] {
  const seen = new Set<string>();
  return cards.filter((c) => !seen.has(c.paperId) && (seen.add(c.paperId), true));
}

/**
 * The text above the embeds: with cards, the reply's text up to where the first card starts (its
 * header, "Results for …, page 1 of 3"), since the cards themselves are the embeds; without cards,
 * the whole text. Either way ≤ 2,000 chars.
 */
function contentFor(reply: Pick<Reply, 'text'>, cards: PaperCard[]): string {
  let text = reply.text;
  if (cards.length) {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.includes(cards[0].title.slice(0, 40)));
    text = (first >= 0 ? lines.slice(0, first) : lines.slice(0, 1)).join('\n').trim();
    // A line that only numbers the first card ("1.") would dangle.
    text = text.replace(/\n?\s*\d+[.)]\s*$/, '').trim();
    if (cards.length > LIMITS.embedsPerMessage) {
      text += `${text ? '\n' : ''}Showing ${LIMITS.embedsPerMessage} of ${cards.length}: ask for fewer per page to see the rest.`;
    }
  }
  return clip(text, LIMITS.content);
}

/** A command's reply: embeds for cards, buttons (or select menus) for their actions, Next page, a file. */
export function renderReply(reply: Reply, codec: CustomIdCodec): RenderedMessage {
  const cards = uniqueCards(reply.cards ?? []);
  return {
    content: contentFor(reply, cards),
    embeds: renderCardEmbeds(cards, { numbered: cards.length > 1 }),
    components: renderComponents(cards, reply.actions ?? [], codec),
    ephemeral: reply.ephemeral,
    files: reply.file ? [{ name: reply.file.name, data: Buffer.from(reply.file.content, 'utf8') }] : [],
  };
}

/**
 * A channel message (digest header, digest paper, shared paper). A paper gets its embed, a footer
 * saying 🔖 bookmarks it, and Bookmark / More like this buttons; a text-only message is its text.
 */
export function renderOutgoing(message: OutgoingMessage, codec: CustomIdCodec): RenderedMessage {
  if (!message.card) return { content: clip(message.text, LIMITS.content) || '\u200b', embeds: [], components: [], ephemeral: false, files: [] };
  return {
    content: '',
    embeds: renderCardEmbeds([message.card], { footerHint: `react ${BOOKMARK_EMOJI} to bookmark` }),
    components: renderComponents([message.card], [], codec, ['bookmark', 'read', 'similar']),
    ephemeral: false,
    files: [],
  };
}

/** discord.js reply / editReply / followUp / update options (visibility is set by the caller). */
export function toInteractionOptions(r: RenderedMessage) {
  return {
    content: r.content,
    embeds: r.embeds,
    components: r.components,
    allowedMentions: NO_MENTIONS,
    files: r.files.map((f) => ({ attachment: f.data, name: f.name })),
  };
}

/** A POST /channels/:id/messages body (snake_case, as the REST API takes it). */
export function toRestBody(r: RenderedMessage): Record<string, unknown> {
  return {
    content: r.content,
    embeds: r.embeds,
    components: r.components,
    allowed_mentions: NO_MENTIONS,
  };
}
