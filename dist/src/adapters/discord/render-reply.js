import { BOOKMARK_EMOJI, LIMITS, clip } from "./limits.js";
import { renderCardEmbeds } from "./render-embed.js";
import { renderComponents } from "./render-components.js";
const NO_MENTIONS = { parse: [] };
function uniqueCards(cards) {
  const seen = /* @__PURE__ */ new Set();
  return cards.filter((c) => !seen.has(c.paperId) && (seen.add(c.paperId), true));
}
function contentFor(reply, cards) {
  let text = reply.text;
  if (cards.length) {
    const lines = text.split("\n");
    const first = lines.findIndex((l) => l.includes(cards[0].title.slice(0, 40)));
    text = (first >= 0 ? lines.slice(0, first) : lines.slice(0, 1)).join("\n").trim();
    text = text.replace(/\n?\s*\d+[.)]\s*$/, "").trim();
    if (cards.length > LIMITS.embedsPerMessage) {
      text += `${text ? "\n" : ""}Showing ${LIMITS.embedsPerMessage} of ${cards.length}: ask for fewer per page to see the rest.`;
    }
  }
  return clip(text, LIMITS.content);
}
function renderReply(reply, codec) {
  const cards = uniqueCards(reply.cards ?? []);
  return {
    content: contentFor(reply, cards),
    embeds: renderCardEmbeds(cards, { numbered: cards.length > 1 }),
    components: renderComponents(cards, reply.actions ?? [], codec),
    ephemeral: reply.ephemeral,
    files: reply.file ? [{ name: reply.file.name, data: Buffer.from(reply.file.content, "utf8") }] : []
  };
}
function renderOutgoing(message, codec) {
  if (!message.card) return { content: clip(message.text, LIMITS.content) || "\u200B", embeds: [], components: [], ephemeral: false, files: [] };
  return {
    content: "",
    embeds: renderCardEmbeds([message.card], { footerHint: `react ${BOOKMARK_EMOJI} to bookmark` }),
    components: renderComponents([message.card], [], codec, ["bookmark", "similar"]),
    ephemeral: false,
    files: []
  };
}
function toInteractionOptions(r) {
  return {
    content: r.content,
    embeds: r.embeds,
    components: r.components,
    allowedMentions: NO_MENTIONS,
    files: r.files.map((f) => ({ attachment: f.data, name: f.name }))
  };
}
function toRestBody(r) {
  return {
    content: r.content,
    embeds: r.embeds,
    components: r.components,
    allowed_mentions: NO_MENTIONS
  };
}
export {
  renderOutgoing,
  renderReply,
  toInteractionOptions,
  toRestBody
};
//# sourceMappingURL=render-reply.js.map
