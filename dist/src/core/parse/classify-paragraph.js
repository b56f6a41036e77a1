const MAX_TITLE_CHARS = 250;
const MAX_TITLE_WORDS = 35;
const MIN_SURE_ABSTRACT_CHARS = 300;
const SENTENCE_BREAK = /[.!?]["')\]]?\s+["'(]?[A-Z0-9]/g;
const ABBREVIATION_BREAK = /\b(?:e\.g|i\.e|vs|etc|et al|Fig|Figs|Eq|Eqs|No|Sec|Dr|Mr|Ms|St|cf|approx)\.\s+["'(]?[A-Z0-9]/g;
function classifyParagraph(text) {
  const chars = text.length;
  const words = countWords(text);
  if (chars >= MIN_SURE_ABSTRACT_CHARS || words > 45) return "abstract";
  const breaks = sentenceBreaks(text);
  const endsWithPeriod = /\.["')\]]*$/.test(text) && !/\.\.\.$|…$/.test(text);
  if (endsWithPeriod && breaks.all >= 1) return "abstract";
  const hasUrl = text.includes("://");
  if (!endsWithPeriod && !hasUrl && breaks.dots === 0 && chars <= MAX_TITLE_CHARS && words <= MAX_TITLE_WORDS) return "title";
  return "unsure";
}
function sentenceBreaks(text) {
  let all = 0;
  let dots = 0;
  for (const m of text.matchAll(SENTENCE_BREAK)) {
    all++;
    if (m[0][0] === ".") dots++;
  }
  let abbreviations = 0;
  for (const _ of text.matchAll(ABBREVIATION_BREAK)) abbreviations++;
  return { all: Math.max(0, all - abbreviations), dots: Math.max(0, dots - abbreviations) };
}
function countWords(text) {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}
export {
  MAX_TITLE_CHARS,
  MAX_TITLE_WORDS,
  MIN_SURE_ABSTRACT_CHARS,
  classifyParagraph,
  sentenceBreaks
};
//# sourceMappingURL=classify-paragraph.js.map
