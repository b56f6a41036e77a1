/**
 * Collapses every run of whitespace (hard wraps of arXiv abstracts, tabs, CR) into one space and
 * trims: the same paper from two sources then has the same title and abstract text.
 */
export function cleanText(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value.replace(/\s+/g, ' ').trim();
}

/** A list of strings from an unknown value: non-strings and empty strings dropped. */
export function stringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    const s = cleanText(v);
    if (s) out.push(s);
  }
  return out;
}

/** A plain object from an unknown value, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
