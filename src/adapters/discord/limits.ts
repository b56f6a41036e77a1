/** Discord's message limits (https://discord.com/developers/docs/resources/message#create-message). */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  /** Sum of title, description, field names and values, footer text and author name of all embeds. */
  embedTotal: 6000,
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
  selectOptionValue: 100,
} as const;

/** Interaction response flag: only the caller sees the message. */
export const EPHEMERAL = 64;

/** The reaction that bookmarks a paper. */
export const BOOKMARK_EMOJI = '🔖';

/** The reaction that marks a bookmarked paper read. */
export const READ_EMOJI = '✅';

/** Cuts `text` to `max` characters (code points kept whole), ending with … when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = text.slice(0, max - 1);
  // A lone high surrogate at the end would be a broken character.
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}
