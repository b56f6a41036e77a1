/** Delay before attempt `n` (1-based) after failures: base·2^(n-1), capped. */
export function backoffMs(n: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, n - 1));
}
