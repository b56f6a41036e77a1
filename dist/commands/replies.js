function snippetText(parts) {
  return parts.map((p) => p.hit ? `*${p.text}*` : p.text).join("");
}
function cardLines(card) {
  const meta = [
    card.authors,
    card.digestDates.length ? `digest ${card.digestDates[card.digestDates.length - 1]}` : void 0,
    card.upvotes !== void 0 ? `${card.upvotes} upvotes` : void 0,
    `id ${card.paperId}`
  ].filter(Boolean);
  const lines = [card.title];
  if (card.url) lines.push(card.url);
  lines.push(meta.join(" \xB7 "));
  const snippet = snippetText(card.snippet);
  if (snippet) lines.push(snippet);
  return lines;
}
function cardsReply(heading, cards, opts = {}) {
  const body = cards.map((c, i) => cardLines(c).map((l, j) => j === 0 ? `${i + 1}. ${l}` : `   ${l}`).join("\n"));
  const reply = { text: [heading, ...body].join("\n"), cards, ephemeral: opts.ephemeral ?? true };
  if (opts.actions?.length) reply.actions = opts.actions;
  return reply;
}
function textReply(text, ephemeral = true) {
  return { text, ephemeral };
}
export {
  cardLines,
  cardsReply,
  snippetText,
  textReply
};
//# sourceMappingURL=replies.js.map
