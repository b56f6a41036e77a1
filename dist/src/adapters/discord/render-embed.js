import { escapeMarkdown } from "discord.js";
import { LIMITS, clip } from "./limits.js";
const COLOR = 16765470;
function renderSnippet(parts, max) {
  let out = "";
  for (const part of parts) {
    const text = escapeMarkdown(part.text.replace(/\s+/g, " "));
    const piece = part.hit && text.trim() ? `**${text}**` : text;
    if (out.length + piece.length <= max) {
      out += piece;
      continue;
    }
    const room = max - out.length;
    if (!part.hit && room > 1) out += clip(text, room);
    else if (room >= 1) out += "\u2026";
    break;
  }
  return out.trim();
}
function isHttpUrl(u) {
  return !!u && /^https?:\/\/\S+$/.test(u) && u.length <= 2048;
}
function embedLength(e) {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}
function renderCardEmbed(card, opts = {}) {
  const prefix = opts.index !== void 0 ? `${opts.index}. ` : "";
  const embed = {
    title: clip(`${prefix}${card.title.replace(/\s+/g, " ")}`, LIMITS.embedTitle),
    color: COLOR
  };
  if (isHttpUrl(card.url)) embed.url = card.url;
  const description = renderSnippet(card.snippet, Math.min(opts.descriptionMax ?? 700, LIMITS.embedDescription));
  if (description) embed.description = description;
  const fields = [];
  if (card.authors.trim()) fields.push({ name: "Authors", value: clip(escapeMarkdown(card.authors), LIMITS.fieldValue), inline: false });
  const last = card.digestDates[card.digestDates.length - 1];
  if (last) {
    const more = card.digestDates.length > 1 ? ` (+${card.digestDates.length - 1} earlier)` : "";
    fields.push({ name: "Date", value: `${last}${more}`, inline: true });
  }
  if (card.upvotes !== void 0) fields.push({ name: "Upvotes", value: `\u25B2 ${card.upvotes}`, inline: true });
  const links = card.links.filter(isHttpUrl);
  if (links.length) {
    let value = "";
    for (const l of links) if (value.length + l.length + 1 <= LIMITS.fieldValue) value += `${value ? "\n" : ""}${l}`;
    if (value) fields.push({ name: "Code", value, inline: false });
  }
  if (fields.length) embed.fields = fields;
  embed.footer = { text: clip(`${card.paperId}${opts.footerHint ? ` \xB7 ${opts.footerHint}` : ""}`, LIMITS.footerText) };
  return embed;
}
function renderCardEmbeds(cards, opts = {}) {
  const shown = cards.slice(0, LIMITS.embedsPerMessage);
  const bare = shown.map((c, i) => renderCardEmbed(c, { index: opts.numbered ? i + 1 : void 0, descriptionMax: 0, footerHint: opts.footerHint }));
  const fixed = bare.reduce((n, e) => n + embedLength(e), 0);
  const perCard = Math.max(0, Math.floor((LIMITS.embedTotal - 50 - fixed) / Math.max(1, shown.length)));
  const embeds = shown.map(
    (c, i) => renderCardEmbed(c, { index: opts.numbered ? i + 1 : void 0, descriptionMax: Math.min(perCard, 700), footerHint: opts.footerHint })
  );
  let total = embeds.reduce((n, e) => n + embedLength(e), 0);
  for (let i = embeds.length - 1; total > LIMITS.embedTotal && i >= 0; i--) {
    const e = embeds[i];
    while (total > LIMITS.embedTotal && e.fields?.length) {
      const f = e.fields.pop();
      total -= f.name.length + f.value.length;
    }
    if (total > LIMITS.embedTotal && e.description) {
      total -= e.description.length;
      delete e.description;
    }
  }
  return embeds;
}
export {
  embedLength,
  renderCardEmbed,
  renderCardEmbeds,
  renderSnippet
};
//# sourceMappingURL=render-embed.js.map
