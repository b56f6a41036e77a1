/**
 * A bench's one positional count (`npm run bench:digest -- 500`), found wherever it stands among
 * the flags: `--data DIR` (lib/shared-data.ts) may come first.
 */
export function countArg(fallback: number): number {
  const args = process.argv.slice(2);
  const given = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--data');
  return given === undefined ? fallback : Number(given);
}
