const RULES = [
  // tumour(s), behaviour(al), colour(ed), favourable; not "four", "hours" (too short, see below).
  [/(?<=[a-z]{2})our(s|ed|ing|al|ally|able|ably|ite|ites|less|ful)?$/, "or$1"],
  // ischaemia, haematopoietic, leukaemia, aetiology, oestrogen, oedema, coeliac, foetal; a Latin
  // plural's final "ae" (larvae, vertebrae) stays.
  [/ae(?=[a-z])/g, "e"],
  [/oe(?=[a-z])/g, "e"],
  // centre, fibre, litre, metre, goitre, titre(s)
  [/(?<=[a-z]{2}[tb])re(s|d)?$/, "er$1"],
  // randomised, characterisation, organising; "rise", "wise" are too short to match.
  [/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1"],
  // analyse(d), catalyse, hydrolyse
  [/(?<=[a-z]{2})ys(e|ed|es|ing)$/, "yz$1"],
  // catalogue, analogue, homologue, orthologue, dialogue
  [/(?<=[a-z]{3})ogue(s)?$/, "og$1"],
  // modelling, labelled, signalling, travelled (not "filled", "tilled": i-ll words keep theirs)
  [/(?<=[a-z]{3}[ae])ll(ing|ed|er|ers)$/, "l$1"]
];
const MIN_LENGTH = 5;
const MAY_VARY = /our|ae|oe|re|is|ys|ogue|ll/;
function spellingKey(word) {
  if (word.length < MIN_LENGTH || !MAY_VARY.test(word) || !/^[a-z]+$/.test(word)) return word;
  let key = word;
  for (const [rule, replacement] of RULES) key = key.replace(rule, replacement);
  return key;
}
const PROPOSALS = [
  [/or(s|ed|ing|al|ally|able|ably|ite|ites|less|ful)?$/, "our$1"],
  [/([tb])er(s|d)?$/, "$1re$2"],
  [/iz(e|ed|es|ing|ation|ations|er|ers)$/, "is$1"],
  [/yz(e|ed|es|ing)$/, "ys$1"],
  [/og(s)?$/, "ogue$1"],
  [/([ae])l(ing|ed|er|ers)$/, "$1ll$2"]
];
function otherSpellings(word) {
  if (!/^[a-z]+$/.test(word)) return [];
  const key = spellingKey(word);
  const out = /* @__PURE__ */ new Set([key]);
  for (const [rule, replacement] of PROPOSALS) if (rule.test(key)) out.add(key.replace(rule, replacement));
  for (let i = 1; i + 1 < key.length; i++) {
    if (key[i] === "e") for (const v of ["a", "o"]) out.add(key.slice(0, i) + v + key.slice(i));
  }
  if (key[0] === "e") for (const v of ["a", "o"]) out.add(v + key);
  out.delete(word);
  return [...out].filter((w) => w === key || spellingKey(w) === key);
}
export {
  otherSpellings,
  spellingKey
};
//# sourceMappingURL=spelling-variants.js.map
