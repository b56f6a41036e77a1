import { bestLink } from "./paper.js";
function shortName(name) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return parts[0] ?? "";
  const last = parts[parts.length - 1];
  const initials = parts.slice(0, -1).map((p) => new RegExp("^\\p{L}\\.$", "u").test(p) ? p : `${[...p][0].toUpperCase()}.`);
  return [...initials, last].join(" ");
}
function shortenAuthors(authors) {
  const names = authors.map(shortName).filter(Boolean);
  if (names.length <= 3) return names.join(", ");
  return `${names.slice(0, 2).join(", ")} et al.`;
}
function plainSnippet(abstract, maxChars = 240) {
  const text = abstract.replace(/\s+/g, " ").trim();
  if (text.length <= maxChars) return text ? [{ text }] : [];
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(" ");
  return [{ text: `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd()}\u2026` }];
}
function toCard(paper, opts = {}) {
  const card = {
    paperId: paper.id,
    title: paper.title,
    authors: shortenAuthors(paper.authors),
    digestDates: [...paper.digestDates],
    snippet: opts.snippet && opts.snippet.length ? opts.snippet : plainSnippet(paper.abstract),
    links: [...paper.links]
  };
  const url = bestLink(paper);
  if (url) card.url = url;
  if (paper.upvotes !== void 0) card.upvotes = paper.upvotes;
  if (opts.score !== void 0) card.score = opts.score;
  return card;
}
export {
  plainSnippet,
  shortName,
  shortenAuthors,
  toCard
};
//# sourceMappingURL=cards.js.map
