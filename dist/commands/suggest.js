import { ROOT, rootOf } from "./roots.js";
function distance(a, b) {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}
function suggest(word, list) {
  const names = [...new Set(list.map((c) => c.group ?? c.name))];
  const best = names.map((n) => ({ n, d: distance(word.toLowerCase(), n) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.min(2, Math.floor(best.n.length / 2)) ? best.n : void 0;
}
function overallUsage(list, platform) {
  const byRoot = /* @__PURE__ */ new Map();
  for (const c of list) {
    const root = rootOf(c, platform);
    byRoot.set(root, (byRoot.get(root) ?? /* @__PURE__ */ new Set()).add(c.group ?? c.name));
  }
  const forms = [...byRoot].map(([root, names]) => `/${root} <${[...names].join("|")}> \u2026`);
  return `${forms.join(" | ")} \u2014 /${ROOT.name} help lists them all`;
}
export {
  overallUsage,
  suggest
};
//# sourceMappingURL=suggest.js.map
