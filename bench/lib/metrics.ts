/** Binary-relevance IR metrics, as BEIR computes them (pytrec_eval). */
export function ndcgAt(k: number, ranked: string[], relevant: Set<string>): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((d, i) => {
    if (relevant.has(d)) dcg += 1 / Math.log2(i + 2);
  });
  let idcg = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) idcg += 1 / Math.log2(i + 2);
  return idcg ? dcg / idcg : 0;
}

export function recallAt(k: number, ranked: string[], relevant: Set<string>): number {
  if (!relevant.size) return 0;
  return ranked.slice(0, k).filter((d) => relevant.has(d)).length / relevant.size;
}

export function mrrAt(k: number, ranked: string[], relevant: Set<string>): number {
  const i = ranked.slice(0, k).findIndex((d) => relevant.has(d));
  return i < 0 ? 0 : 1 / (i + 1);
}

export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
/** The middle value (the upper one of an even count). */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
