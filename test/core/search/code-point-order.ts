/**
 * Code-point order, as SQLite's BINARY collation lists the index's words and Vocabulary keeps them:
 * written out here from code points so the tests check the source's own comparison against it.
 */
export function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
