/**
 * The picture's colours. It carries its own opaque, light background: Slack and Discord show an
 * image as is on their light and dark themes alike, so dark text on this card is legible on both
 * (a transparent PNG with dark text would vanish on a dark theme). Series colours are from the
 * Okabe–Ito palette, told apart by people with the common colour-vision deficiencies.
 */
export const THEME = {
  background: '#fbfbfc',
  text: '#1f2328',
  muted: '#57606a',
  grid: '#d8dee4',
  thisWeek: '#0072b2',
  earlier: '#a0a8b0',
  highlight: '#e8f1fa',
  bookmarks: '#d55e00',
  sources: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'],
} as const;

/** The one font the picture uses, shipped by the `dejavu-fonts-ttf` dependency (see fonts.ts). */
export const FONT_FAMILY = 'DejaVu Sans';
