import { ROOT, rootOf, type Platform } from './roots.js';
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

/** The short line shown under an unknown-command error: one form per top-level command of `platform`. */
export function overallUsage(list: readonly AnyCommand[], platform?: Platform): string {
  const byRoot = new Map<string, Set<string>>();
  for (const c of list) {
    const root = rootOf(c, platform);
    byRoot.set(root, (byRoot.get(root) ?? new Set()).add(c.group ?? c.name));
  }
  const forms = [...byRoot].map(([root, names]) => `/${root} <${[...names].join('|')}> …`);
  return `${forms.join(' | ')} — /${ROOT.name} help lists them all`;
}
