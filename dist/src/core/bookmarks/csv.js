import { bestLink } from "../paper.js";
const COLUMNS = ["id", "arxiv_id", "title", "authors", "url", "digest_dates", "upvotes", "categories", "links"];
function csvCell(value) {
  let s = value === void 0 ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function toCsv(papers) {
  const rows = papers.map(
    (p) => [p.id, p.arxivId, p.title, p.authors.join("; "), bestLink(p), p.digestDates.join(" "), p.upvotes, p.categories.join(" "), p.links.join(" ")].map(csvCell).join(",")
  );
  return [COLUMNS.join(","), ...rows].join("\r\n") + "\r\n";
}
export {
  csvCell,
  toCsv
};
//# sourceMappingURL=csv.js.map
