import { stemmer } from "stemmer";
const TOKEN = /[\p{L}\p{N}]+/gu;
const GREEK = {
  \u03B1: "alpha",
  \u03B2: "beta",
  \u03B3: "gamma",
  \u03B4: "delta",
  \u03B5: "epsilon",
  \u03B6: "zeta",
  \u03B7: "eta",
  \u03B8: "theta",
  \u03B9: "iota",
  \u03BA: "kappa",
  \u03BB: "lambda",
  \u03BC: "mu",
  \u03BD: "nu",
  \u03BE: "xi",
  \u03BF: "omicron",
  \u03C0: "pi",
  \u03C1: "rho",
  \u03C3: "sigma",
  \u03C2: "sigma",
  \u03C4: "tau",
  \u03C5: "upsilon",
  \u03C6: "phi",
  \u03C7: "chi",
  \u03C8: "psi",
  \u03C9: "omega"
};
const HAS_GREEK = /[\u0370-\u03ff\u1f00-\u1fff\u00b5]/;
const GREEK_LETTER = new RegExp(HAS_GREEK.source, "g");
function spellOutGreek(text) {
  if (!HAS_GREEK.test(text)) return text;
  return text.replace(GREEK_LETTER, (ch) => GREEK[ch.normalize("NFKD")[0].toLowerCase()] ?? ch);
}
const ASCII = /^[\x00-\x7f]*$/;
function foldAccents(text) {
  return ASCII.test(text) ? text.toLowerCase() : text.normalize("NFKD").replace(new RegExp("\\p{M}+", "gu"), "").toLowerCase();
}
function fold(text) {
  return ASCII.test(text) ? text.toLowerCase() : spellOutGreek(foldAccents(text));
}
function tokenize(text) {
  return fold(text).match(TOKEN) ?? [];
}
function tokenSpans(text) {
  const out = [];
  for (const m of text.matchAll(TOKEN)) {
    out.push({ word: fold(m[0]), start: m.index, end: m.index + m[0].length });
  }
  return out;
}
const stems = /* @__PURE__ */ new Map();
const MAX_REMEMBERED = 2e5;
function stem(word) {
  let s = stems.get(word);
  if (s === void 0) {
    s = /^[a-z]+$/.test(word) ? stemmer(word) : word;
    if (stems.size >= MAX_REMEMBERED) stems.clear();
    stems.set(word, s);
  }
  return s;
}
function isVocabularyWord(word) {
  return word.length >= 2 && word.length <= 40 && !/^\d+$/.test(word);
}
export {
  fold,
  foldAccents,
  isVocabularyWord,
  spellOutGreek,
  stem,
  tokenSpans,
  tokenize
};
//# sourceMappingURL=text.js.map
