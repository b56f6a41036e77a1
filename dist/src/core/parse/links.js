function extractLinks(text, first = []) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const add = (raw) => {
    if (!raw) return;
    const url = cleanUrl(raw);
    if (!url) return;
    const key = url.toLowerCase().replace(/\/+$/, "");
    if (seen.has(key)) return;
    seen.add(key);
    out.push(url);
  };
  for (const f of first) add(f?.trim());
  if (text) for (const raw of linksInText(text)) add(raw);
  return out;
}
const FULL_URL = /\bhttps?:\/\/[^\s<>"'`{}\\|^]+/gi;
const URL_TAIL = /[^\s<>"'`{}\\|^]*/y;
const BARE_HOSTS = ["github.com/", "huggingface.co/"];
function linksInText(text) {
  const found = [];
  if (text.includes("://")) for (const m of text.matchAll(FULL_URL)) found.push({ at: m.index, url: m[0] });
  const inFound = (i) => found.some((f) => i >= f.at && i < f.at + f.url.length);
  if (text.includes("ithub.") || text.includes("uggingface.co")) {
    const lowered = text.toLowerCase();
    const lower = lowered.length === text.length ? lowered : text;
    for (const host of BARE_HOSTS) {
      for (let i = lower.indexOf(host); i !== -1; i = lower.indexOf(host, i + 1)) {
        const start = lower.startsWith("www.", i - 4) ? i - 4 : i;
        if (inFound(start) || !bareStart(text, start)) continue;
        found.push({ at: start, url: text.slice(start, tailEnd(text, i + host.length)) });
      }
    }
    for (let i = lower.indexOf(".github.io"); i !== -1; i = lower.indexOf(".github.io", i + 1)) {
      let start = i;
      while (start > 0 && /[a-z0-9-]/.test(lower[start - 1])) start--;
      if (start === i || lower[start] === "-" || inFound(start) || !bareStart(text, start)) continue;
      const after = i + ".github.io".length;
      const end = text[after] === "/" ? tailEnd(text, after) : after;
      if (/[\w-]/.test(text[end] ?? "")) continue;
      found.push({ at: start, url: text.slice(start, end) });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.url);
}
function bareStart(text, at) {
  return at === 0 || !/[\w./@-]/.test(text[at - 1]);
}
function tailEnd(text, from) {
  URL_TAIL.lastIndex = from;
  URL_TAIL.exec(text);
  return URL_TAIL.lastIndex;
}
const TRAILING_PUNCT = /[.,;:!?'"*~_]$/;
const PAIRS = { ")": "(", "]": "[", "}": "{" };
function cleanUrl(raw) {
  let url = raw.trim();
  const latex = /^\\(?:url|href)\{([^}]*)\}/.exec(url);
  if (latex) url = latex[1];
  for (; ; ) {
    const before = url;
    if (TRAILING_PUNCT.test(url)) url = url.slice(0, -1);
    const last = url.at(-1);
    if (last && PAIRS[last] && count(url, last) > count(url, PAIRS[last])) url = url.slice(0, -1);
    if (url === before) break;
  }
  if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
  if (!/^https?:\/\/[^/\s]+\.[^/\s]+/i.test(url)) return void 0;
  return url;
}
function count(s, ch) {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
export {
  cleanUrl,
  extractLinks
};
//# sourceMappingURL=links.js.map
