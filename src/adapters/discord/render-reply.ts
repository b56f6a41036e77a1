import type { APIEmbed } from 'discord.js';
import type { OutgoingMessage, PaperCard, Reply, ReplyImage } from '../../core/reply.js';
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
  /** `description` is the attachment's alt text. */
  files: Array<{ name: string; data: Buffer; description?: string }>;
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

/** Discord's blurple reads on light and dark themes alike. */
const IMAGE_EMBED_COLOUR = 0x5865f2;

/** A picture as an attachment, and the embed that shows it (`attachment://` points at the upload). */
function imageParts(image: ReplyImage): { embed: APIEmbed; file: RenderedMessage['files'][number] } {
  return {
    embed: { color: IMAGE_EMBED_COLOUR, image: { url: `attachment://${image.name}`, width: image.width, height: image.height } },
    file: { name: image.name, data: Buffer.from(image.data), description: clip(image.alt, 1024) },
  };
}

/** A command's reply: embeds for cards, buttons (or select menus) for their actions, Next page, a file. */
export function renderReply(reply: Reply, codec: CustomIdCodec): RenderedMessage {
  const cards = uniqueCards(reply.cards ?? []);
  const image = reply.image && imageParts(reply.image);
  return {
    content: contentFor(reply, cards),
    embeds: [...renderCardEmbeds(cards, { numbered: cards.length > 1 }), ...(image ? [image.embed] : [])],
    components: renderComponents(cards, reply.actions ?? [], codec),
    ephemeral: reply.ephemeral,
    files: [...(reply.file ? [{ name: reply.file.name, data: Buffer.from(reply.file.content, 'utf8') }] : []), ...(image ? [image.file] : [])],
  };
}

/**
 * A channel message (digest header, digest paper, shared paper). A paper gets its embed, a footer
 * saying 🔖 bookmarks it, and Bookmark / More like this buttons; a text-only message is its text.
 */
export function renderOutgoing(message: OutgoingMessage, codec: CustomIdCodec): RenderedMessage {
  if (message.image) {
    const { embed, file } = imageParts(message.image);
    return { content: clip(message.text, LIMITS.content), embeds: [embed], components: [], ephemeral: false, files: [file] };
  }
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
    files: r.files.map((f) => ({ attachment: f.data, name: f.name, ...(f.description ? { description: f.description } : {}) })),
  };
}

/** A POST /channels/:id/messages body (snake_case, as the REST API takes it). */
export function toRestBody(r: RenderedMessage): Record<string, unknown> {
  return {
    content: r.content,
    embeds: r.embeds,
    components: r.components,
    allowed_mentions: NO_MENTIONS,
    // Files travel as multipart parts `files[i]`; this names them and carries their alt text.
    ...(r.files.length ? { attachments: r.files.map((f, i) => ({ id: i, filename: f.name, ...(f.description ? { description: f.description } : {}) })) } : {}),
  };
}

/** The multipart files of a REST post (@discordjs/rest's RawFile). */
export function toRestFiles(r: RenderedMessage): Array<{ name: string; data: Buffer; contentType?: string }> {
  return r.files.map((f) => ({ name: f.name, data: f.data, ...(f.name.endsWith('.png') ? { contentType: 'image/png' } : {}) }));
}
