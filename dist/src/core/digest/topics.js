function parseTopics(text) {
  const parts = Array.isArray(text) ? text : (text ?? "").split(/[,;\n]/);
  const include = [];
  const exclude = [];
  for (const raw of parts) {
    const t = raw.trim().replace(/\s+/g, " ");
    if (!t) continue;
    if (t.startsWith("-") || t.startsWith("!")) {
      const term = t.slice(1).trim().toLowerCase();
      if (term && !exclude.includes(term)) exclude.push(term);
    } else if (!include.includes(t.toLowerCase())) include.push(t.toLowerCase());
  }
  return { include, exclude };
}
function formatTopics(t) {
  return [...t.include, ...t.exclude.map((x) => `-${x}`)].join(", ");
}
function words(text) {
  return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
function stem(w) {
  if (w.length <= 4) return w;
  const base = w.replace(/(ies|es|s|ing|ed)$/, "");
  return base.length > 4 ? base.replace(/e$/, "") : base;
}
function textWords(text) {
  return new Set(words(text).map(stem));
}
function mentions(text, term) {
  const have = typeof text === "string" ? textWords(text) : text;
  const want = words(term).map(stem);
  return want.length > 0 && want.every((w) => have.has(w));
}
export {
  formatTopics,
  mentions,
  parseTopics,
  textWords
};
//# sourceMappingURL=topics.js.map
