import { paperId, parseArxivId } from "../paper-id.js";
import { cleanText } from "./clean-text.js";
import { validIsoDay, toIsoTimestamp } from "./dates.js";
import { readJsonLines } from "./json-lines.js";
import { extractLinks } from "./links.js";
import { splitAuthors } from "./split-authors.js";
import { validatePapers } from "./validate-papers.js";
function parseArxivKaggle(text, opts) {
  const warnings = [];
  const digestDate = validIsoDay(opts.date);
  const candidates = readJsonLines(text, warnings).map(({ line, value: o }) => {
    const arxivId = parseArxivId(typeof o.id === "string" ? o.id : void 0);
    const title = cleanText(o.title);
    const abstract = cleanText(o.abstract);
    const versions = Array.isArray(o.versions) ? o.versions : [];
    const v1 = versions[0];
    return {
      where: `line ${line}`,
      paper: {
        id: paperId(arxivId, title),
        arxivId,
        title,
        abstract,
        authors: parsedAuthors(o.authors_parsed) ?? splitAuthors(cleanText(o.authors)),
        links: extractLinks(`${abstract} ${cleanText(o.comments)}`),
        keywords: [],
        categories: cleanText(o.categories).split(" ").filter(Boolean),
        // First version's date is the publication; update_date only says when metadata last changed.
        publishedAt: toIsoTimestamp(v1?.created) ?? toIsoTimestamp(o.update_date),
        digestDate,
        source: "arxiv-kaggle",
        flags: abstract ? [] : ["no-abstract"]
      }
    };
  });
  return { format: "arxiv-kaggle", digestDate, papers: validatePapers(candidates, warnings), warnings };
}
function parsedAuthors(value) {
  if (!Array.isArray(value) || value.length === 0) return void 0;
  const out = [];
  for (const a of value) {
    if (!Array.isArray(a)) return void 0;
    const [last, first, suffix] = a.map((x) => cleanText(x));
    const name = [first, last, suffix].filter(Boolean).join(" ");
    if (name) out.push(name);
  }
  return out;
}
export {
  parseArxivKaggle
};
//# sourceMappingURL=arxiv-kaggle.js.map
