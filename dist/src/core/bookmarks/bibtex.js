import { bestLink } from "../paper.js";
const SPECIALS = {
  "\\": "\\textbackslash{}",
  "&": "\\&",
  "%": "\\%",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "{": "\\{",
  "}": "\\}",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}"
};
function escapeBibtex(text) {
  return text.replace(/[\\&%$#_{}~^]/g, (c) => SPECIALS[c]);
}
function bibtexTitle(title) {
  return title.replace(/\s+/g, " ").trim().replace(/([\\&%$#_{}~^])|([\p{L}\p{M}\p{N}]+)/gu, (_m, special, word) => {
    if (special) return SPECIALS[special];
    if (!new RegExp("\\p{Lu}", "u").test(word)) return word;
    const acronym = new RegExp("^(\\p{Lu}\\p{M}*(?:[\\p{Lu}\\p{N}]\\p{M}*)+)(\\p{Ll}{1,2})?$", "u").exec(word);
    return acronym ? `{${acronym[1]}}${acronym[2] ?? ""}` : `{${word}}`;
  });
}
const STOP_WORDS = /* @__PURE__ */ new Set(["a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "is", "are", "from", "by", "at", "via", "towards", "toward"]);
const ascii = (s) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
function paperYear(p) {
  const fromDate = (d) => d && /^\d{4}/.test(d) ? d.slice(0, 4) : void 0;
  const fromId = p.arxivId && /^(\d{2})\d{2}\./.exec(p.arxivId);
  return fromDate(p.publishedAt) ?? (fromId ? `20${fromId[1]}` : void 0) ?? fromDate(p.digestDates[0]);
}
function baseKey(p) {
  const first = p.authors[0]?.trim().split(/\s+/).pop() ?? "";
  const word = p.title.split(/\s+/).map(ascii).find((w) => w.length > 1 && !STOP_WORDS.has(w)) ?? "paper";
  return `${ascii(first) || "anon"}${paperYear(p) ?? ""}${word}`;
}
function uniqueKeys(papers) {
  const used = /* @__PURE__ */ new Set();
  return papers.map((p) => {
    const base = baseKey(p);
    let key = base;
    for (let i = 0; used.has(key); i++) key = `${base}${suffix(i)}`;
    used.add(key);
    return key;
  });
}
function suffix(i) {
  return i < 26 ? String.fromCharCode(97 + i) : suffix(Math.floor(i / 26) - 1) + String.fromCharCode(97 + i % 26);
}
function bibtexEntry(p, key) {
  const fields = [["title", bibtexTitle(p.title)]];
  if (p.authors.length) fields.push(["author", p.authors.map((a) => escapeBibtex(a.trim())).join(" and ")]);
  const year = paperYear(p);
  if (year) fields.push(["year", year]);
  if (p.arxivId) {
    fields.push(["eprint", p.arxivId], ["archivePrefix", "arXiv"]);
    if (p.categories[0]) fields.push(["primaryClass", escapeBibtex(p.categories[0])]);
  }
  const url = bestLink(p);
  if (url) fields.push(["url", url.replace(/[{}]/g, encodeURIComponent)]);
  return `@misc{${key},
${fields.map(([k, v]) => `  ${k} = {${v}}`).join(",\n")}
}
`;
}
function toBibtex(papers) {
  const keys = uniqueKeys(papers);
  return papers.map((p, i) => bibtexEntry(p, keys[i])).join("\n");
}
export {
  baseKey,
  bibtexEntry,
  bibtexTitle,
  escapeBibtex,
  paperYear,
  toBibtex,
  uniqueKeys
};
//# sourceMappingURL=bibtex.js.map
