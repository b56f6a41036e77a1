import { stem } from "./text.js";
const quote = (w) => `"${w.replace(/"/g, '""')}"`;
const BOUND_PREFIXES = ["anti", "auto", "co", "counter", "cross", "de", "extra", "hyper", "hypo", "inter", "intra", "macro", "micro", "multi", "non", "post", "pre", "pro", "pseudo", "re", "self", "semi", "sub", "super", "trans", "ultra"];
function hyphenatedForm(word, vocab) {
  const code = /^([a-z]{2,})(\d{1,3})$/.exec(word);
  if (code && vocab.df(code[1]) > 0) return `${code[1]} ${code[2]}`;
  for (const p of BOUND_PREFIXES) {
    const rest = word.slice(p.length);
    if (word.startsWith(p) && rest.length >= 4 && vocab.df(p) > 0 && vocab.df(rest) > 0) return `${p} ${rest}`;
  }
  return void 0;
}
function planQuery(q, vocab, expansion = true, splitPrefixed = false) {
  const hitStems = /* @__PURE__ */ new Set();
  const unknownWords = [];
  const groups = q.words.map((word, i) => {
    const alts = expansion ? vocab.expand(word, q.lastIsPrefix && i === q.words.length - 1) : vocab.df(word) ? [word] : [];
    const split = splitPrefixed ? hyphenatedForm(word, vocab) : void 0;
    if (!alts.length && !split) unknownWords.push(word);
    const g = alts.length ? alts : [word];
    for (const w of g) hitStems.add(stem(w));
    if (split) g.push(split);
    return g;
  });
  for (const c of q.compounds ?? []) {
    if (!vocab.df(c.joined) && !vocab.postings(c.joined, 1)) continue;
    for (const part of c.parts) {
      const g = groups[q.words.indexOf(part)];
      if (g && !g.includes(c.joined)) g.push(c.joined);
    }
    hitStems.add(stem(c.joined));
  }
  for (const p of q.phrases) for (const w of p) hitStems.add(stem(w));
  return { groups, phrases: q.phrases, hitStems, unknownWords };
}
const groupMatch = (g) => g.length === 1 ? quote(g[0]) : `(${g.map(quote).join(" OR ")})`;
const phraseMatch = (p) => quote(p.join(" "));
export {
  groupMatch,
  phraseMatch,
  planQuery,
  quote
};
//# sourceMappingURL=query-plan.js.map
