/** An author string as arXiv prints it ("A, B and C", "A, B, and C") → [A, B, C]. */
export function splitAuthors(s: string): string[] {
  return s
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+/)
    .map((a) => a.trim())
    .filter(Boolean);
}
