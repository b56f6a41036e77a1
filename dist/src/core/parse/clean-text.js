function cleanText(value) {
  if (typeof value !== "string") return "";
  return needsCleaning(value) ? value.replace(/\s+/g, " ").trim() : value;
}
const INNER_MESS = /[^\S ]| {2}/;
function needsCleaning(s) {
  const n = s.length;
  if (n === 0) return false;
  return isSpace(s.charCodeAt(0)) || isSpace(s.charCodeAt(n - 1)) || INNER_MESS.test(s);
}
function isSpace(c) {
  if (c <= 32) return c === 32 || c >= 9 && c <= 13;
  if (c < 160) return false;
  return c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}
function stringList(value) {
  if (!Array.isArray(value)) return [];
  const out = [];
  for (const v of value) {
    const s = cleanText(v);
    if (s) out.push(s);
  }
  return out;
}
function asRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
export {
  asRecord,
  cleanText,
  stringList
};
//# sourceMappingURL=clean-text.js.map
