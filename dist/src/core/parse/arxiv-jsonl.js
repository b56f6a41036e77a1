import { paperId, parseArxivId } from "../paper-id.js";
import { cleanText, stringList } from "./clean-text.js";
import { dateFromFileName, validIsoDay } from "./dates.js";
import { readJsonLines } from "./json-lines.js";
import { extractLinks } from "./links.js";
import { splitAuthors } from "./split-authors.js";
import { validatePapers } from "./validate-papers.js";
function parseArxivJsonl(text, opts) {
  const warnings = [];
  const digestDate = validIsoDay(opts.date) ?? dateFromFileName(opts.fileName);
  const candidates = readJsonLines(text, warnings).map(({ line, value: o }) => {
    const arxivId = parseArxivId(str(o.id)) ?? parseArxivId(str(o.abs)) ?? parseArxivId(str(o.pdf));
    const title = cleanText(o.title);
    const abstract = cleanText(o.summary ?? o.abstract);
    const categories = Array.isArray(o.categories) ? stringList(o.categories) : cleanText(o.categories).split(" ").filter(Boolean);
    return {
      where: `line ${line}`,
      paper: {
        id: paperId(arxivId, title),
        arxivId,
        title,
        abstract,
        authors: Array.isArray(o.authors) ? stringList(o.authors) : splitAuthors(cleanText(o.authors)),
        links: extractLinks(`${abstract} ${cleanText(o.comment)}`),
        keywords: [],
        categories,
        digestDate,
        source: "arxiv-jsonl",
        flags: abstract ? [] : ["no-abstract"]
      }
    };
  });
  return { format: "arxiv-jsonl", digestDate, papers: validatePapers(candidates, warnings), warnings };
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}
export {
  parseArxivJsonl
};
//# sourceMappingURL=arxiv-jsonl.js.map
