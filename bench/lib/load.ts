/** Shared by the latency benches: nearest-rank percentiles and a fixed-concurrency runner. */

/** The p-th percentile (nearest rank) of xs; NaN for an empty list. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmtMs = (ms: number): string => `${ms.toFixed(1)} ms`;

/** Runs one(0..total-1) with `concurrency` in flight; returns the results and the wall time in s. */
export async function runConcurrently<T>(total: number, concurrency: number, one: (i: number) => Promise<T>): Promise<{ results: T[]; wallS: number }> {
  const results: T[] = [];
  let next = 0;
  const wall = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) results.push(await one(next++));
    }),
  );
  return { results, wallS: (performance.now() - wall) / 1000 };
}
