const ZWSP = "\u200B";
function escapeChar(ch) {
  if (ch === "&") return "&amp;";
  if (ch === "<") return "&lt;";
  if (ch === ">") return "&gt;";
  return ch;
}
function defuseBroadcasts(text) {
  return text.replace(/@(channel|here|everyone)\b/gi, `@${ZWSP}$1`);
}
function escapeMrkdwn(text) {
  return defuseBroadcasts(text).replace(/[&<>]/g, escapeChar);
}
function escapeTruncated(text, max) {
  const defused = defuseBroadcasts(text);
  let out = "";
  const chars = Array.from(defused);
  for (let i = 0; i < chars.length; i++) {
    const piece = escapeChar(chars[i]);
    const remaining = chars.length - i;
    if (out.length + piece.length > max - (remaining > 1 ? 1 : 0)) return `${out.replace(/\s+$/, "")}\u2026`;
    out += piece;
  }
  return out;
}
function fallbackText(text, max = 3e3) {
  return escapeTruncated(text.trim() || "(no text)", max);
}
function safeUrl(url) {
  if (!url || !/^https?:\/\/[^\s<>|]+$/i.test(url) || url.length > 2e3) return void 0;
  return url.replace(/&/g, "&amp;");
}
function link(url, label, maxLabel = 500) {
  const safe = safeUrl(url);
  const text = escapeTruncated(label, maxLabel);
  return safe ? `<${safe}|${text}>` : text;
}
function bold(escaped) {
  const core = escaped.trim();
  if (!core || core.includes("*")) return escaped;
  const lead = escaped.slice(0, escaped.indexOf(core));
  const trail = escaped.slice(lead.length + core.length);
  return `${lead}*${core}*${trail}`;
}
function unescapeSlackText(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
export {
  bold,
  defuseBroadcasts,
  escapeMrkdwn,
  escapeTruncated,
  fallbackText,
  link,
  safeUrl,
  unescapeSlackText
};
//# sourceMappingURL=mrkdwn.js.map
