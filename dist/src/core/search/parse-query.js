import { STOP_WORDS } from "./stop-words.js";
import { tokenize } from "./text.js";
const MAX_QUERY_CHARS = 1e3;
const MAX_QUERY_WORDS = 32;
const HYPHENATED = /[\p{L}\p{N}]+(?:[-‐‑][\p{L}\p{N}]+)+/gu;
function parseQuery(raw) {
  const text = (raw ?? "").slice(0, MAX_QUERY_CHARS);
  if (!text.trim()) return { words: [], phrases: [], lastIsPrefix: false, typedWords: 0, notice: 'Type a topic to search for, e.g. "model merging".' };
  const phrases = [];
  const words = [];
  const parts = text.split(/["“”„«»]/);
  let sawAnyToken = false;
  let typedWords = 0;
  const compounds = [];
  parts.forEach((part, i) => {
    const tokens = tokenize(part);
    if (tokens.length) sawAnyToken = true;
    if (i % 2 === 1) {
      if (tokens.length > 1) phrases.push(tokens);
      else if (tokens.length === 1) words.push(tokens[0]);
    } else {
      for (const t of tokens) if (!STOP_WORDS.has(t)) words.push(t);
      for (const chunk of part.split(/\s+/)) if (tokenize(chunk).some((t) => !STOP_WORDS.has(t))) typedWords++;
      for (const m of part.matchAll(HYPHENATED)) {
        const pieces = tokenize(m[0]);
        if (pieces.length >= 2 && pieces.length <= 3) compounds.push({ joined: pieces.join(""), parts: pieces.filter((t) => !STOP_WORDS.has(t)) });
      }
    }
  });
  const unique = [...new Set(words)].slice(0, MAX_QUERY_WORDS);
  const endsInWord = /[\p{L}\p{N}]$/u.test(text) && parts.length % 2 === 1;
  const lastToken = tokenize(parts[parts.length - 1] ?? "").pop();
  const lastIsPrefix = endsInWord && !!lastToken && unique[unique.length - 1] === lastToken;
  if (!unique.length && !phrases.length) {
    const notice = sawAnyToken ? 'Those are all very common words; say more about the topic (e.g. "model merging").' : 'No words to search for in that; try a topic such as "model merging".';
    return { words: [], phrases: [], lastIsPrefix: false, typedWords: 0, notice };
  }
  return { words: unique, phrases, lastIsPrefix, typedWords, ...compounds.length ? { compounds } : {} };
}
export {
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
  parseQuery
};
//# sourceMappingURL=parse-query.js.map
