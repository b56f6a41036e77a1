const LIMITS = {
  content: 2e3,
  embedsPerMessage: 10,
  /** Sum of title, description, field names and values, footer text and author name of all embeds. */
  embedTotal: 6e3,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rowsPerMessage: 5,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100
};
const EPHEMERAL = 64;
const BOOKMARK_EMOJI = "\u{1F516}";
function clip(text, max) {
  if (text.length <= max) return text;
  let out = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return `${out.trimEnd()}\u2026`;
}
export {
  BOOKMARK_EMOJI,
  EPHEMERAL,
  LIMITS,
  clip
};
//# sourceMappingURL=limits.js.map
