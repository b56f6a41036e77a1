/**
 * Code and project links from free text (abstracts, arXiv comments), cleaned of what the text wrapped
 * them in: trailing sentence punctuation, unbalanced closing brackets, LaTeX `\url{…}` / `\href{…}`.
 * `first` (e.g. the HF githubRepo, projectPage) go in front; duplicates are dropped.
 */
export function extractLinks(text: string | undefined, first: ReadonlyArray<string | undefined | null> = []): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (raw: string | undefined | null): void => {
    if (!raw) return;
    const url = cleanUrl(raw);
    if (!url) return;
    const key = url.toLowerCase().replace(/\/+$/, '');
    if (seen.has(key)) return;
    seen.add(key);
    out.push(url);
  };
  for (const f of first) add(f?.trim());
  if (text) {
    // Braces, backslashes, quotes and angle brackets end a URL: they are the LaTeX or HTML around it.
    for (const m of text.matchAll(URL_IN_TEXT)) add(m[0]);
  }
  return out;
}

// Full URLs, plus scheme-less GitHub / GitHub Pages / Hugging Face addresses that abstracts often give bare.
const URL_IN_TEXT =
  /\bhttps?:\/\/[^\s<>"'`{}\\|^]+|(?<![\w.\/@-])(?:www\.)?(?:github\.com|huggingface\.co)\/[^\s<>"'`{}\\|^]+|(?<![\w.\/@-])[a-z0-9][a-z0-9-]*\.github\.io(?:\/[^\s<>"'`{}\\|^]*)?/gi;

const TRAILING_PUNCT = /[.,;:!?'"*~_]$/;
const PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** One URL with its surroundings removed, or undefined when nothing URL-like is left. */
export function cleanUrl(raw: string): string | undefined {
  let url = raw.trim();
  // `\url{https://x}` or `\href{https://x}{text}` given whole.
  const latex = /^\\(?:url|href)\{([^}]*)\}/.exec(url);
  if (latex) url = latex[1]!;
  for (;;) {
    const before = url;
    if (TRAILING_PUNCT.test(url)) url = url.slice(0, -1);
    const last = url.at(-1);
    if (last && PAIRS[last] && count(url, last) > count(url, PAIRS[last]!)) url = url.slice(0, -1);
    if (url === before) break;
  }
  if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
  // Something must remain after the host's dot: "https://github." is not a link.
  if (!/^https?:\/\/[^/\s]+\.[^/\s]+/i.test(url)) return undefined;
  return url;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
