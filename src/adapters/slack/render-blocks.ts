import type { types } from '@slack/bolt';
import { TLDR_LABEL, readingLine } from '../../core/cards.js';
import type { OutgoingMessage, PaperCard, Reply, ReplyAction, SnippetPart } from '../../core/reply.js';
import { actionLabel, encodeAction } from './action-codec.js';
import { bold, escapeMrkdwn, escapeTruncated, fallbackText, link } from './mrkdwn.js';

/** Slack's limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const MAX_BLOCKS = 50;
export const MAX_SECTION_TEXT = 3000;
const MAX_BUTTON_TEXT = 75;
/** Room kept under MAX_BLOCKS for the header, the reply-level buttons and the "more not shown" note. */
const RESERVED_BLOCKS = 3;
const BLOCKS_PER_CARD = 3;

export type Block = types.KnownBlock;

/** What chat.postMessage / respond take: fallback text always set, blocks within Slack's limits. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/** `verbatim` stops Slack from auto-linking or parsing mentions in text we did not write. */
function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text, verbatim: true };
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text) };
}

function button(action: ReplyAction, index: number): types.Button | undefined {
  const enc = encodeAction(action, index);
  if (!enc) return undefined;
  const label = actionLabel(action);
  const text = label.length > MAX_BUTTON_TEXT ? `${label.slice(0, MAX_BUTTON_TEXT - 1)}…` : label;
  return { type: 'button', text: { type: 'plain_text', text, emoji: true }, ...enc };
}

function actionsBlock(actions: ReplyAction[], blockId: string): types.ActionsBlock | undefined {
  const elements = actions
    .slice(0, 25) // Slack's per-block element limit
    .map((a, i) => button(a, i))
    .filter((b): b is types.Button => b !== undefined);
  return elements.length ? { type: 'actions', block_id: blockId, elements } : undefined;
}

/** The card's section text: linked title, TL;DR, byline, snippet with hits bolded, reading state, ≤ MAX_SECTION_TEXT. */
export function cardText(card: PaperCard): string {
  let title = `*${link(card.url, card.title, 400)}*`;
  if (card.tldr) title += `\n_${TLDR_LABEL[card.tldr.source]}:_ ${escapeTruncated(card.tldr.text, 400)}`;
  const reading = card.reading ? `\n${escapeTruncated(readingLine(card.reading), 400)}` : '';
  const byline: string[] = [];
  if (card.authors) byline.push(escapeTruncated(card.authors, 300));
  const lastDate = card.digestDates[card.digestDates.length - 1];
  if (lastDate) byline.push(escapeMrkdwn(lastDate));
  if (card.upvotes !== undefined) byline.push(`▲ ${card.upvotes}`);
  const head = byline.length ? `${title}\n${byline.join('  ·  ')}` : title;

  // The snippet gets what is left; each part is escaped before measuring so entities stay whole.
  let budget = MAX_SECTION_TEXT - head.length - reading.length - 2;
  let snippet = '';
  for (const part of mergeHits(card.snippet)) {
    if (budget <= 1) break;
    const escaped = escapeTruncated(part.text, part.hit ? budget - 2 : budget);
    const piece = part.hit ? bold(escaped) : escaped;
    snippet += piece;
    budget -= piece.length;
    if (escaped.endsWith('…') && !part.text.endsWith('…')) break;
  }
  snippet = snippet.replace(/\s+/g, ' ').trim();
  return (snippet ? `${head}\n${snippet}` : head) + reading;
}

/** Adjacent hits separated only by spaces become one bold run: `*model merging*`, not `*model* *merging*`. */
function mergeHits(parts: SnippetPart[]): SnippetPart[] {
  const out: SnippetPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const prev = out[out.length - 1];
    const next = parts[i + 1];
    if (prev?.hit && !p.hit && /^ +$/.test(p.text) && next?.hit) {
      prev.text += p.text + next.text;
      i++;
    } else if (prev?.hit && p.hit) {
      prev.text += p.text;
    } else {
      out.push({ ...p });
    }
  }
  return out;
}

/** A card as blocks: section, context (id, code links), buttons. `share` adds Share to channel. */
export function cardBlocks(card: PaperCard, index: number, share: boolean): Block[] {
  const ctx = [`\`${escapeTruncated(card.paperId, 200)}\``];
  for (const url of card.links.filter((l) => l !== card.url).slice(0, 3)) ctx.push(link(url, url.replace(/^https?:\/\//, ''), 100));
  const actions: ReplyAction[] = [
    { kind: 'bookmark', paperId: card.paperId },
    { kind: 'read', paperId: card.paperId },
    ...(card.dismissable ? [{ kind: 'dismiss' as const, paperId: card.paperId }] : []),
    { kind: 'similar', paperId: card.paperId },
  ];
  if (share) actions.push({ kind: 'share', paperId: card.paperId });
  const blocks: Block[] = [section(cardText(card)), { type: 'context', elements: [mrkdwn(ctx.join('  ·  '))] }];
  const act = actionsBlock(actions, `card_${index}`);
  if (act) blocks.push(act);
  return blocks;
}

/** Long plain text as up to `maxBlocks` sections (split on line breaks where possible). */
function textSections(text: string, maxBlocks: number): Block[] {
  const escaped = escapeMrkdwn(text.trim() || '(no text)');
  const out: Block[] = [];
  let rest = escaped;
  while (rest && out.length < maxBlocks) {
    if (rest.length <= MAX_SECTION_TEXT) {
      out.push(section(rest));
      break;
    }
    let cut = rest.lastIndexOf('\n', MAX_SECTION_TEXT - 1);
    if (cut < MAX_SECTION_TEXT / 2) cut = MAX_SECTION_TEXT - 1;
    // never cut inside an entity such as &amp;
    const amp = rest.lastIndexOf('&', cut);
    if (amp > cut - 5 && rest.indexOf(';', amp) >= cut) cut = amp;
    const piece = out.length === maxBlocks - 1 ? `${rest.slice(0, MAX_SECTION_TEXT - 1)}…` : rest.slice(0, cut);
    out.push(section(piece));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  return out;
}

/** A file (bookmark export) as code-block sections. Returns undefined when it does not fit. */
export function fileBlocks(name: string, content: string, maxBlocks: number): Block[] | undefined {
  const chunk = MAX_SECTION_TEXT - 8; // room for the ``` fences
  const pieces: string[] = [];
  let rest = content;
  while (rest) {
    let take = Math.min(rest.length, chunk);
    // escaping grows the text; shrink the chunk until the escaped piece fits
    while (escapeMrkdwn(rest.slice(0, take)).length > chunk) take = Math.floor(take * 0.9);
    const nl = rest.lastIndexOf('\n', take);
    if (take < rest.length && nl > take / 2) take = nl + 1;
    pieces.push(rest.slice(0, take));
    rest = rest.slice(take);
    if (pieces.length + 1 > maxBlocks) return undefined;
  }
  return [
    { type: 'context', elements: [mrkdwn(`📎 ${escapeTruncated(name, 200)}`)] },
    ...pieces.map((p) => section(`\`\`\`${escapeMrkdwn(p)}\`\`\``)),
  ];
}

/**
 * A neutral Reply as a Slack message. With cards: the first line of `text` is the header (the rest
 * of `text` is the plain rendering of the cards, kept as the fallback), then each card; cards that
 * do not fit in 50 blocks are left out with a note. `share` controls the Share to channel button.
 */
export function renderReply(reply: Reply, opts: { share?: boolean; fileBlocks?: boolean } = {}): SlackMessage {
  const share = opts.share ?? true;
  const blocks: Block[] = [];
  const cards = reply.cards ?? [];
  if (cards.length) {
    const header = reply.text.split('\n').find((l) => l.trim()) ?? '';
    if (header) blocks.push(section(escapeTruncated(header, MAX_SECTION_TEXT)));
    const room = Math.floor((MAX_BLOCKS - RESERVED_BLOCKS) / BLOCKS_PER_CARD);
    cards.slice(0, room).forEach((c, i) => blocks.push(...cardBlocks(c, i, share)));
    if (cards.length > room) {
      blocks.push({ type: 'context', elements: [mrkdwn(`${cards.length - room} more not shown: narrow the search or use a smaller --limit.`)] });
    }
  } else {
    blocks.push(...textSections(reply.text, MAX_BLOCKS - RESERVED_BLOCKS));
  }
  if (reply.file && opts.fileBlocks !== false) {
    const fb = fileBlocks(reply.file.name, reply.file.content, MAX_BLOCKS - blocks.length - 1);
    if (fb) blocks.push(...fb);
  }
  const act = reply.actions?.length ? actionsBlock(reply.actions, 'reply_actions') : undefined;
  if (act) blocks.push(act);
  return { text: fallbackText(reply.text), blocks: blocks.slice(0, MAX_BLOCKS) };
}

/** A digest header or a shared paper as a channel message (cards get Bookmark / More like this). */
export function renderOutgoing(message: OutgoingMessage): SlackMessage {
  const blocks = message.card ? cardBlocks(message.card, 0, false) : textSections(message.text, MAX_BLOCKS);
  return { text: fallbackText(message.text), blocks };
}
