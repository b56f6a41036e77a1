import { shortenAuthors } from "../cards.js";
import { bestLink } from "../paper.js";
const escapeMd = (s) => s.replace(/([\\`*_[\]<>])/g, "\\$1");
function toMarkdown(papers, heading = "Bookmarked papers") {
  const lines = papers.map((p) => {
    const title = escapeMd(p.title.replace(/\s+/g, " ").trim());
    const url = bestLink(p);
    const link = url ? `[${title}](${url.replace(/[()\s]/g, encodeURIComponent)})` : title;
    const bits = [shortenAuthors(p.authors), p.digestDates.at(-1) && `digest ${p.digestDates.at(-1)}`, p.arxivId ? `arXiv:${p.arxivId}` : `id ${p.id}`].filter(Boolean).map((b) => escapeMd(String(b)));
    return `- ${link} \u2014 ${bits.join(" \xB7 ")}`;
  });
  return `# ${heading}

${lines.join("\n")}
`;
}
export {
  toMarkdown
};
//# sourceMappingURL=markdown.js.map
