/**
 * British and American spellings of one word, to one key: "tumour", "ischaemia", "modelling",
 * "centre", "randomised", "analyse", "homologue" → "tumor", "ischemia", "modeling", "center",
 * "randomized", "analyze", "homolog". Porter stems the two forms apart, so without this a search
 * for one misses the papers written in the other. Rules, not a word list: they only ever join
 * words that both occur in the index (see Vocabulary.expand), so a rule that rewrites an unrelated
 * word produces a key nothing else has and does nothing. Nothing is precomputed per index word
 * (loading the vocabulary stays as fast as it was): a query word's other spellings are proposed
 * and looked up.
 */
const RULES: Array<[RegExp, string]> = [
  // tumour(s), behaviour(al), colour(ed), favourable; not "four", "hours" (too short, see below).
  [/(?<=[a-z]{2})our(s|ed|ing|al|ally|able|ably|ite|ites|less|ful)?$/, 'or$1'],
  // ischaemia, haematopoietic, leukaemia, aetiology, oestrogen, oedema, coeliac, foetal; a Latin
  // plural's final "ae" (larvae, vertebrae) stays.
  [/ae(?=[a-z])/g, 'e'],
  [/oe(?=[a-z])/g, 'e'],
  // centre, fibre, litre, metre, goitre, titre(s)
  [/(?<=[a-z]{2}[tb])re(s|d)?$/, 'er$1'],
  // randomised, characterisation, organising; "rise", "wise" are too short to match.
  [/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$/, 'iz$1'],
  // analyse(d), catalyse, hydrolyse
  [/(?<=[a-z]{2})ys(e|ed|es|ing)$/, 'yz$1'],
  // catalogue, analogue, homologue, orthologue, dialogue
  [/(?<=[a-z]{3})ogue(s)?$/, 'og$1'],
  // modelling, labelled, signalling, travelled (not "filled", "tilled": i-ll words keep theirs)
  [/(?<=[a-z]{3}[ae])ll(ing|ed|er|ers)$/, 'l$1'],
];

/** Words shorter than this are left alone: "does", "goes", "four" are not British spellings. */
const MIN_LENGTH = 5;
// One cheap test before the rules: most words hold none of these.
const MAY_VARY = /our|ae|oe|re|is|ys|ogue|ll/;

/** The American spelling key of `word` (a lower-case index word); `word` itself when no rule applies. */
export function spellingKey(word: string): string {
  if (word.length < MIN_LENGTH || !MAY_VARY.test(word) || !/^[a-z]+$/.test(word)) return word;
  let key = word;
  for (const [rule, replacement] of RULES) key = key.replace(rule, replacement);
  return key;
}

// American → British proposals, each checked against spellingKey, so RULES stay the one truth.
const PROPOSALS: Array<[RegExp, string]> = [
  [/or(s|ed|ing|al|ally|able|ably|ite|ites|less|ful)?$/, 'our$1'],
  [/([tb])er(s|d)?$/, '$1re$2'],
  [/iz(e|ed|es|ing|ation|ations|er|ers)$/, 'is$1'],
  [/yz(e|ed|es|ing)$/, 'ys$1'],
  [/og(s)?$/, 'ogue$1'],
  [/([ae])l(ing|ed|er|ers)$/, '$1ll$2'],
];

/**
 * Words that share `word`'s spelling key, whichever side it is spelled on: its key, and British
 * forms of that key ("tumor" → tumour, "ischemia" → ischaemia). Not checked against any index.
 */
export function otherSpellings(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const key = spellingKey(word);
  const out = new Set<string>([key]);
  for (const [rule, replacement] of PROPOSALS) if (rule.test(key)) out.add(key.replace(rule, replacement));
  // ae/oe: an "e" inside the word may have been either (one of them per word, as in the rules' uses).
  for (let i = 1; i + 1 < key.length; i++) {
    if (key[i] === 'e') for (const v of ['a', 'o']) out.add(key.slice(0, i) + v + key.slice(i));
  }
  // The ae/oe vowel can also start the word: "oestrogen", "aetiology".
  if (key[0] === 'e') for (const v of ['a', 'o']) out.add(v + key);
  out.delete(word);
  return [...out].filter((w) => w === key || spellingKey(w) === key);
}
