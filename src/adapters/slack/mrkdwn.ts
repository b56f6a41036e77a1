/**
 * Slack mrkdwn for untrusted text (paper titles, abstracts, authors, user queries echoed back).
 * Slack needs only `&`, `<`, `>` escaped; escaping `<` is also what makes `<!channel>`, `<!here>`,
 * `<!everyone>`, `<@U…>` and `<#C…>` impossible to produce from paper text. Bare `@channel` /
 * `@here` / `@everyone` get a zero-width space after the `@` so no client or `link_names` setting
 * can turn them into a broadcast.
 */

const ZWSP = '\u200b';

function escapeChar(ch: string): string {
  if (ch === '&') return '&amp;';
  if (ch === '<') return '&lt;';
  if (ch === '>') return '&gt;';
  return ch;
}

/** Neutralises bare broadcast words; runs on raw text, before escaping. */
export function defuseBroadcasts(text: string): string {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${ZWSP}$1`);
}

/** Escapes raw text for mrkdwn (and plain fallback text, which Slack parses the same way). */
export function escapeMrkdwn(text: string): string {
  return defuseBroadcasts(text).replace(/[&<>]/g, escapeChar);
}

/**
 * Escapes `text` and cuts it so the escaped result is at most `max` characters (ending with `…`
 * when cut). Cutting after escaping would split an entity like `&amp;`; this never does.
 */
export function escapeTruncated(text: string, max: number): string {
  const defused = defuseBroadcasts(text);
  let out = '';
  const chars = Array.from(defused); // code points: never split a surrogate pair
  for (let i = 0; i < chars.length; i++) {
    const piece = escapeChar(chars[i]);
    const remaining = chars.length - i;
    // Keep room for the ellipsis unless this is the last character and it fits.
    if (out.length + piece.length > max - (remaining > 1 ? 1 : 0)) return `${out.replace(/\s+$/, '')}…`;
    out += piece;
  }
  return out;
}

/** Plain-text fallback cut to `max` characters (code points), escaped. */
export function fallbackText(text: string, max = 3000): string {
  return escapeTruncated(text.trim() || '(no text)', max);
}

/** A safe http(s) URL for `<url|label>`, or undefined (characters that would end the link are refused). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url) || url.length > 2000) return undefined;
  return url.replace(/&/g, '&amp;');
}

/** `<url|label>` with the label escaped; plain escaped label when the URL is not safe. */
export function link(url: string | undefined, label: string, maxLabel = 500): string {
  const safe = safeUrl(url);
  const text = escapeTruncated(label, maxLabel);
  return safe ? `<${safe}|${text}>` : text;
}

/**
 * Bold for a matched word. mrkdwn has no escape for `*`, so text containing `*` (or nothing but
 * spaces) stays plain rather than breaking the formatting of the rest of the snippet.
 */
export function bold(escaped: string): string {
  const core = escaped.trim();
  if (!core || core.includes('*')) return escaped;
  const lead = escaped.slice(0, escaped.indexOf(core));
  const trail = escaped.slice(lead.length + core.length);
  return `${lead}*${core}*${trail}`;
}

/** Slack sends typed text with `&`, `<`, `>` escaped; the core wants what the user typed. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
