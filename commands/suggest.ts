import type { AnyCommand } from './types.js';

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** The closest command or group name to a mistyped word, if one is close enough (≤ 2 edits). */
export function suggest(word: string, list: readonly AnyCommand[]): string | undefined {
  const names = [...new Set(list.map((c) => c.group ?? c.name))];
  const best = names.map((n) => ({ n, d: distance(word.toLowerCase(), n) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.min(2, Math.floor(best.n.length / 2)) ? best.n : undefined;
}

/** The short line shown under an unknown-command error. */
export function overallUsage(list: readonly AnyCommand[]): string {
  const names = [...new Set(list.map((c) => c.group ?? c.name))];
  return `/papers <${names.join('|')}> … — /papers help lists them all`;
}
