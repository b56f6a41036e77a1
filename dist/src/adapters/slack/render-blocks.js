import { actionLabel, encodeAction } from "./action-codec.js";
import { bold, escapeMrkdwn, escapeTruncated, fallbackText, link } from "./mrkdwn.js";
const MAX_BLOCKS = 50;
const MAX_SECTION_TEXT = 3e3;
const MAX_BUTTON_TEXT = 75;
const RESERVED_BLOCKS = 3;
const BLOCKS_PER_CARD = 3;
function mrkdwn(text) {
  return { type: "mrkdwn", text, verbatim: true };
}
function section(text) {
  return { type: "section", text: mrkdwn(text) };
}
function button(action, index) {
  const enc = encodeAction(action, index);
  if (!enc) return void 0;
  const label = actionLabel(action);
  const text = label.length > MAX_BUTTON_TEXT ? `${label.slice(0, MAX_BUTTON_TEXT - 1)}\u2026` : label;
  return { type: "button", text: { type: "plain_text", text, emoji: true }, ...enc };
}
function actionsBlock(actions, blockId) {
  const elements = actions.slice(0, 25).map((a, i) => button(a, i)).filter((b) => b !== void 0);
  return elements.length ? { type: "actions", block_id: blockId, elements } : void 0;
}
function cardText(card) {
  const title = `*${link(card.url, card.title, 400)}*`;
  const byline = [];
  if (card.authors) byline.push(escapeTruncated(card.authors, 300));
  const lastDate = card.digestDates[card.digestDates.length - 1];
  if (lastDate) byline.push(escapeMrkdwn(lastDate));
  if (card.upvotes !== void 0) byline.push(`\u25B2 ${card.upvotes}`);
  const head = byline.length ? `${title}
${byline.join("  \xB7  ")}` : title;
  let budget = MAX_SECTION_TEXT - head.length - 2;
  let snippet = "";
  for (const part of mergeHits(card.snippet)) {
    if (budget <= 1) break;
    const escaped = escapeTruncated(part.text, part.hit ? budget - 2 : budget);
    const piece = part.hit ? bold(escaped) : escaped;
    snippet += piece;
    budget -= piece.length;
    if (escaped.endsWith("\u2026") && !part.text.endsWith("\u2026")) break;
  }
  snippet = snippet.replace(/\s+/g, " ").trim();
  return snippet ? `${head}
${snippet}` : head;
}
function mergeHits(parts) {
  const out = [];
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
function cardBlocks(card, index, share) {
  const ctx = [`\`${escapeTruncated(card.paperId, 200)}\``];
  for (const url of card.links.filter((l) => l !== card.url).slice(0, 3)) ctx.push(link(url, url.replace(/^https?:\/\//, ""), 100));
  const actions = [
    { kind: "bookmark", paperId: card.paperId },
    { kind: "similar", paperId: card.paperId }
  ];
  if (share) actions.push({ kind: "share", paperId: card.paperId });
  const blocks = [section(cardText(card)), { type: "context", elements: [mrkdwn(ctx.join("  \xB7  "))] }];
  const act = actionsBlock(actions, `card_${index}`);
  if (act) blocks.push(act);
  return blocks;
}
function textSections(text, maxBlocks) {
  const escaped = escapeMrkdwn(text.trim() || "(no text)");
  const out = [];
  let rest = escaped;
  while (rest && out.length < maxBlocks) {
    if (rest.length <= MAX_SECTION_TEXT) {
      out.push(section(rest));
      break;
    }
    let cut = rest.lastIndexOf("\n", MAX_SECTION_TEXT - 1);
    if (cut < MAX_SECTION_TEXT / 2) cut = MAX_SECTION_TEXT - 1;
    const amp = rest.lastIndexOf("&", cut);
    if (amp > cut - 5 && rest.indexOf(";", amp) >= cut) cut = amp;
    const piece = out.length === maxBlocks - 1 ? `${rest.slice(0, MAX_SECTION_TEXT - 1)}\u2026` : rest.slice(0, cut);
    out.push(section(piece));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  return out;
}
function fileBlocks(name, content, maxBlocks) {
  const chunk = MAX_SECTION_TEXT - 8;
  const pieces = [];
  let rest = content;
  while (rest) {
    let take = Math.min(rest.length, chunk);
    while (escapeMrkdwn(rest.slice(0, take)).length > chunk) take = Math.floor(take * 0.9);
    const nl = rest.lastIndexOf("\n", take);
    if (take < rest.length && nl > take / 2) take = nl + 1;
    pieces.push(rest.slice(0, take));
    rest = rest.slice(take);
    if (pieces.length + 1 > maxBlocks) return void 0;
  }
  return [
    { type: "context", elements: [mrkdwn(`\u{1F4CE} ${escapeTruncated(name, 200)}`)] },
    ...pieces.map((p) => section(`\`\`\`${escapeMrkdwn(p)}\`\`\``))
  ];
}
function renderReply(reply, opts = {}) {
  const share = opts.share ?? true;
  const blocks = [];
  const cards = reply.cards ?? [];
  if (cards.length) {
    const header = reply.text.split("\n").find((l) => l.trim()) ?? "";
    if (header) blocks.push(section(escapeTruncated(header, MAX_SECTION_TEXT)));
    const room = Math.floor((MAX_BLOCKS - RESERVED_BLOCKS) / BLOCKS_PER_CARD);
    cards.slice(0, room).forEach((c, i) => blocks.push(...cardBlocks(c, i, share)));
    if (cards.length > room) {
      blocks.push({ type: "context", elements: [mrkdwn(`${cards.length - room} more not shown: narrow the search or use a smaller --limit.`)] });
    }
  } else {
    blocks.push(...textSections(reply.text, MAX_BLOCKS - RESERVED_BLOCKS));
  }
  if (reply.file && opts.fileBlocks !== false) {
    const fb = fileBlocks(reply.file.name, reply.file.content, MAX_BLOCKS - blocks.length - 1);
    if (fb) blocks.push(...fb);
  }
  const act = reply.actions?.length ? actionsBlock(reply.actions, "reply_actions") : void 0;
  if (act) blocks.push(act);
  return { text: fallbackText(reply.text), blocks: blocks.slice(0, MAX_BLOCKS) };
}
function renderOutgoing(message) {
  const blocks = message.card ? cardBlocks(message.card, 0, false) : textSections(message.text, MAX_BLOCKS);
  return { text: fallbackText(message.text), blocks };
}
export {
  MAX_BLOCKS,
  MAX_SECTION_TEXT,
  cardBlocks,
  cardText,
  fileBlocks,
  renderOutgoing,
  renderReply
};
//# sourceMappingURL=render-blocks.js.map
