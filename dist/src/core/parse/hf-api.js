import { ParseError } from "../errors.js";
import { paperId, parseArxivId } from "../paper-id.js";
import { asRecord, cleanText, stringList } from "./clean-text.js";
import { dateFromFileName, toIsoTimestamp, validIsoDay } from "./dates.js";
import { parseJson } from "./parse-json.js";
import { extractLinks } from "./links.js";
import { parsePythonLiteral } from "./python-literal.js";
import { validatePapers } from "./validate-papers.js";
function parseHfApi(text, opts) {
  const warnings = [];
  const root = parseJson(text);
  let entries;
  let wrapperDate;
  const obj = asRecord(root);
  if (Array.isArray(root)) entries = root;
  else if (obj && Array.isArray(obj.data)) {
    entries = obj.data;
    wrapperDate = validIsoDay(typeof obj.date === "string" ? obj.date : void 0);
    if (typeof obj.count === "number" && obj.count !== entries.length) {
      warnings.push(`wrapper says count ${obj.count} but data holds ${entries.length} entries`);
    }
  } else if (obj && (obj.paper || obj.id && obj.title)) entries = [obj];
  else throw new ParseError("JSON is neither a list of Hugging Face daily papers nor a {data: [...]} wrapper");
  const fallbackDate = validIsoDay(opts.date) ?? dateFromFileName(opts.fileName) ?? wrapperDate;
  const candidates = [];
  entries.forEach((raw, i) => {
    const where = `entry ${i + 1}`;
    let entry = raw;
    if (typeof raw === "string") {
      try {
        entry = parsePythonLiteral(raw);
      } catch (err) {
        candidates.push({ where, problem: err.message });
        return;
      }
    }
    const e = asRecord(entry);
    const p = asRecord(e?.paper) ?? e;
    if (!e || !p) {
      candidates.push({ where, problem: "not a paper object" });
      return;
    }
    candidates.push({ where, paper: toPaper(e, p, fallbackDate) });
  });
  const papers = validatePapers(candidates, warnings);
  return { format: "hf-api", digestDate: fallbackDate ?? mostCommon(papers.map((p) => p.digestDate)), papers, warnings };
}
function toPaper(e, p, fallbackDate) {
  const arxivId = parseArxivId(typeof p.id === "string" ? p.id : void 0);
  const title = cleanText(p.title ?? e.title);
  const abstract = cleanText(p.summary ?? e.summary);
  const authors = Array.isArray(p.authors) ? p.authors.map((a) => cleanText(asRecord(a)?.name ?? a)).filter(Boolean) : [];
  const upvotes = typeof p.upvotes === "number" && Number.isInteger(p.upvotes) && p.upvotes >= 0 ? p.upvotes : void 0;
  const repo = typeof p.githubRepo === "string" ? p.githubRepo : void 0;
  const page = typeof p.projectPage === "string" ? p.projectPage : void 0;
  return {
    id: paperId(arxivId, title),
    arxivId,
    title,
    abstract,
    authors,
    links: extractLinks(abstract, [repo, page]),
    keywords: stringList(p.ai_keywords),
    categories: [],
    upvotes,
    publishedAt: toIsoTimestamp(p.publishedAt),
    // Older API answers have no submittedOnDailyAt; the entry's own publishedAt is its day on the page.
    digestDate: validIsoDay(typeof p.submittedOnDailyAt === "string" ? p.submittedOnDailyAt : void 0) ?? fallbackDate ?? validIsoDay(typeof e.publishedAt === "string" && e !== p ? e.publishedAt : void 0),
    source: "hf-api",
    flags: abstract ? [] : ["no-abstract"]
  };
}
function mostCommon(values) {
  const counts = /* @__PURE__ */ new Map();
  let best;
  for (const v of values) {
    if (!v) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (!best || n > counts.get(best)) best = v;
  }
  return best;
}
export {
  parseHfApi
};
//# sourceMappingURL=hf-api.js.map
