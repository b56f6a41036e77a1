const NEW_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;
const OLD_ID = /^([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?$/;
function parseArxivId(text) {
  if (!text) return void 0;
  const t = text.trim().replace(/^arxiv:/i, "");
  const urlMatch = /arxiv\.org\/(?:abs|pdf|html)\/([^\s?#]+?)(?:\.pdf)?(?:[?#].*)?$/i.exec(t);
  const candidate = urlMatch ? urlMatch[1] : t;
  const n = NEW_ID.exec(candidate);
  if (n) return n[1];
  const o = OLD_ID.exec(candidate);
  if (o) return o[1];
  return void 0;
}
function normalizeTitle(title) {
  return title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}
function paperId(arxivId, title) {
  const a = parseArxivId(arxivId);
  if (a) return a;
  return `title:${normalizeTitle(title).replace(/ /g, "-")}`;
}
export {
  normalizeTitle,
  paperId,
  parseArxivId
};
//# sourceMappingURL=paper-id.js.map
