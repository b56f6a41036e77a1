import { ParseError } from "../errors.js";
import { decodeInput } from "./decode.js";
function detectFormat(content, fileName) {
  const text = decodeInput(content);
  const start = firstNonSpace(text);
  const c = text[start];
  const next = text[firstNonSpace(text, start + 1)];
  if (c === "<" && next !== void 0 && /[A-Za-z_?!]/.test(next)) return xmlFormat(text.slice(start, start + 8192));
  if (c === "[" && (next === "{" || next === '"' || next === "]" || next === "[" || isWholeJson(text))) return "hf-api";
  if (c === "{" && (next === '"' || next === "}")) return jsonObjectFormat(text, fileName);
  return "hf-digest-text";
}
function isWholeJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
function firstNonSpace(text, from = 0) {
  let i = from;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}
function xmlFormat(head) {
  for (const m of head.matchAll(/<([!?]?)([A-Za-z_][\w:.-]*)/g)) {
    if (m[1]) continue;
    const root = m[2].toLowerCase();
    if (root === "rss" || root === "rdf:rdf") return "arxiv-rss";
    if (root === "feed") return "arxiv-atom";
    if (root === "html") throw new ParseError("unrecognized format: an HTML page, not a digest or feed");
    throw new ParseError(`unrecognized format: XML with root <${m[2]}>, expected an RSS <rss> or Atom <feed>`);
  }
  throw new ParseError("unrecognized format: XML without a root element");
}
function jsonObjectFormat(text, fileName) {
  const lines = firstLines(text, 5);
  const records = [];
  for (const line of lines) {
    try {
      const v = JSON.parse(line);
      if (typeof v === "object" && v !== null && !Array.isArray(v)) records.push(v);
    } catch {
    }
  }
  const rec = records[0];
  if (!rec) return /\.jsonl$/i.test(fileName ?? "") ? "arxiv-jsonl" : "hf-api";
  if (records.length === 1 && lines.length === 1 && ("data" in rec || "paper" in rec)) return "hf-api";
  if ("versions" in rec || "authors_parsed" in rec || "update_date" in rec || "submitter" in rec) return "arxiv-kaggle";
  if ("paper" in rec || "data" in rec) return "hf-api";
  return "arxiv-jsonl";
}
function firstLines(text, n) {
  const out = [];
  let start = 0;
  while (out.length < n && start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line) out.push(line);
    start = end + 1;
  }
  return out;
}
export {
  detectFormat
};
//# sourceMappingURL=detect-format.js.map
