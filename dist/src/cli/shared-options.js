const FORMAT_NAMES = ["hf-digest-text", "hf-api", "arxiv-rss", "arxiv-atom", "arxiv-jsonl", "arxiv-kaggle"];
function validDate(s) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = /* @__PURE__ */ new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
export {
  FORMAT_NAMES,
  validDate
};
//# sourceMappingURL=shared-options.js.map
