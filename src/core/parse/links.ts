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
  if (text) for (const raw of linksInText(text)) add(raw);
  return out;
}

// Braces, backslashes, quotes and angle brackets end a URL: they are the LaTeX or HTML around it.
const FULL_URL = /\bhttps?:\/\/[^\s<>"'`{}\\|^]+/gi;

const URL_TAIL = /[^\s<>"'`{}\\|^]*/y;
const BARE_HOSTS = ['github.com/', 'huggingface.co/'];

/**
 * Raw URL matches in text order: full http(s) URLs, plus the scheme-less GitHub / GitHub Pages /
 * Hugging Face addresses abstracts often give bare. Found by plain substring search first: this
 * runs on every abstract of every input, and most have no link.
 */
function linksInText(text: string): string[] {
  const found: Array<{ at: number; url: string }> = [];
  if (text.includes('://')) for (const m of text.matchAll(FULL_URL)) found.push({ at: m.index, url: m[0] });
  const inFound = (i: number) => found.some((f) => i >= f.at && i < f.at + f.url.length);
  if (text.includes('ithub.') || text.includes('uggingface.co')) {
    // Indexes below are shared with `text`, so fall back to it if lower-casing changed the length.
    const lowered = text.toLowerCase();
    const lower = lowered.length === text.length ? lowered : text;
    for (const host of BARE_HOSTS) {
      for (let i = lower.indexOf(host); i !== -1; i = lower.indexOf(host, i + 1)) {
        const start = lower.startsWith('www.', i - 4) ? i - 4 : i;
        if (inFound(start) || !bareStart(text, start)) continue;
        found.push({ at: start, url: text.slice(start, tailEnd(text, i + host.length)) });
      }
    }
    for (let i = lower.indexOf('.github.io'); i !== -1; i = lower.indexOf('.github.io', i + 1)) {
      let start = i;
      while (start > 0 && /[a-z0-9-]/.test(lower[start - 1]!)) start--;
      if (start === i || lower[start] === '-' || inFound(start) || !bareStart(text, start)) continue;
      const after = i + '.github.io'.length;
      const end = text[after] === '/' ? tailEnd(text, after) : after;
      if (/[\w-]/.test(text[end] ?? '')) continue; // "x.github.iox" is not this host
      found.push({ at: start, url: text.slice(start, end) });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.url);
}

/** A bare address must start a word: not inside a longer name, path or e-mail address. */
function bareStart(text: string, at: number): boolean {
  return at === 0 || !/[\w./@-]/.test(text[at - 1]!);
}

function tailEnd(text: string, from: number): number {
  URL_TAIL.lastIndex = from;
  URL_TAIL.exec(text);
  return URL_TAIL.lastIndex;
}

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
