import { ParseError } from "../errors.js";
import { paperId, parseArxivId } from "../paper-id.js";
import { asRecord, cleanText } from "./clean-text.js";
import { rfc822Day, toIsoTimestamp, validIsoDay } from "./dates.js";
import { extractLinks } from "./links.js";
import { splitAuthors } from "./split-authors.js";
import { validatePapers } from "./validate-papers.js";
import { parseXml, xmlList, xmlText } from "./xml.js";
function parseArxivRss(text, opts) {
  const doc = parseXml(text);
  const channel = asRecord(asRecord(doc.rss)?.channel);
  if (!channel) throw new ParseError("RSS document without a <channel>");
  const warnings = [];
  const digestDate = validIsoDay(opts.date) ?? rfc822Day(xmlText(channel.pubDate)) ?? rfc822Day(xmlText(channel.lastBuildDate));
  const candidates = xmlList(channel.item).map((node, i) => {
    const item = asRecord(node) ?? {};
    const description = cleanText(stripTags(xmlText(item.description) ?? ""));
    const idFromText = /arXiv:(\S+)/i.exec(description)?.[1];
    const arxivId = parseArxivId(idFromText) ?? parseArxivId(xmlText(item.link)) ?? parseArxivId(xmlText(item.guid)?.replace(/^oai:arXiv\.org:/i, ""));
    const announceType = cleanText(xmlText(item["arxiv:announce_type"])) || /Announce Type:\s*([\w-]+)/i.exec(description)?.[1] || void 0;
    const marker = description.search(/\bAbstract:\s*/i);
    const abstract = marker >= 0 ? description.slice(marker).replace(/^Abstract:\s*/i, "").trim() : description;
    const title = cleanText(xmlText(item.title));
    const authors = xmlList(item["dc:creator"]).flatMap((c) => splitAuthors(cleanText(xmlText(c))));
    return {
      where: `item ${i + 1}`,
      paper: {
        id: paperId(arxivId, title),
        arxivId,
        title,
        abstract,
        authors,
        links: extractLinks(abstract),
        keywords: [],
        categories: xmlList(item.category).map((c) => cleanText(xmlText(c))).filter(Boolean),
        // Only a "new" announcement's date is the paper's publication; a replacement is announced later.
        publishedAt: announceType === "new" ? toIsoTimestamp(xmlText(item.pubDate)) : void 0,
        digestDate,
        source: "arxiv-rss",
        announceType,
        flags: abstract ? [] : ["no-abstract"]
      }
    };
  });
  return { format: "arxiv-rss", digestDate, papers: validatePapers(candidates, warnings), warnings };
}
function stripTags(s) {
  return s.includes("<") ? s.replace(/<[^<>]*>/g, " ") : s;
}
export {
  parseArxivRss
};
//# sourceMappingURL=arxiv-rss.js.map
