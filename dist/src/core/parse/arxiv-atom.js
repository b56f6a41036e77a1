import { ParseError } from "../errors.js";
import { paperId, parseArxivId } from "../paper-id.js";
import { asRecord, cleanText } from "./clean-text.js";
import { toIsoTimestamp, validIsoDay } from "./dates.js";
import { extractLinks } from "./links.js";
import { validatePapers } from "./validate-papers.js";
import { parseXml, xmlList, xmlText } from "./xml.js";
function parseArxivAtom(text, opts) {
  const doc = parseXml(text);
  const feed = asRecord(doc.feed) ?? (doc.feed === "" ? {} : void 0);
  if (!feed) throw new ParseError("Atom document without a <feed>");
  const warnings = [];
  const digestDate = validIsoDay(opts.date);
  const candidates = xmlList(feed.entry).map((node, i) => {
    const entry = asRecord(node) ?? {};
    const arxivId = parseArxivId(xmlText(entry.id)) ?? xmlList(entry.link).map((l) => parseArxivId(attr(l, "href"))).find(Boolean);
    const title = cleanText(xmlText(entry.title));
    const abstract = cleanText(xmlText(entry.summary));
    const primary = attr(entry["arxiv:primary_category"], "term");
    const categories = [primary, ...xmlList(entry.category).map((c) => attr(c, "term"))].map((c) => cleanText(c)).filter((c, j, all) => c && all.indexOf(c) === j);
    return {
      where: `entry ${i + 1}`,
      paper: {
        id: paperId(arxivId, title),
        arxivId,
        title,
        abstract,
        authors: xmlList(entry.author).map((a) => cleanText(xmlText(asRecord(a)?.name) ?? xmlText(a))).filter(Boolean),
        links: extractLinks(`${abstract} ${cleanText(xmlText(entry["arxiv:comment"]))}`),
        keywords: [],
        categories,
        publishedAt: toIsoTimestamp(xmlText(entry.published)),
        digestDate,
        source: "arxiv-atom",
        flags: abstract ? [] : ["no-abstract"]
      }
    };
  });
  return { format: "arxiv-atom", digestDate, papers: validatePapers(candidates, warnings), warnings };
}
function attr(node, name) {
  const v = asRecord(node)?.[`@_${name}`];
  return typeof v === "string" ? v : void 0;
}
export {
  parseArxivAtom
};
//# sourceMappingURL=arxiv-atom.js.map
