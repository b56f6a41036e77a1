import { tokenize } from '../search/text.js';
import type { SparseVec } from './sparse.js';

/**
 * How one paper is placed in the model: the arithmetic shared by the fit (every paper at once,
 * model-builder.ts) and folding in (one paper at a time, RecommenderModel.put), so both give the
 * same rows bit for bit.
 */

const DAY = 86_400_000;
/** YYYY-MM-DD as days since 1970. */
export const dayNumber = (d: string) => Math.floor(Date.parse(`${d}T00:00:00Z`) / DAY);
/** An author's name as the key pins match (case, accents and punctuation ignored). */
export const authorKey = (a: string) => tokenize(a).join(' ');

/** Concept weights Σ^(sigmaPower−1): the concept vector is U·Σ^sigmaPower = A·V·Σ^(sigmaPower−1). */
export function conceptScale(singular: Float64Array, sigmaPower: number): Float64Array {
  return Float64Array.from(singular, (s) => (s > 0 ? s ** (sigmaPower - 1) : 0));
}

/** Writes the unit concept vector of a full tf-idf vector into `e` (k floats): vec · components, scaled. */
export function placeInConcepts(vec: SparseVec, components: Float32Array, scale: Float64Array, e: Float32Array): void {
  const k = e.length;
  e.fill(0);
  for (let j = 0; j < vec.indices.length; j++) {
    const v = vec.values[j]!;
    const o = vec.indices[j]! * k;
    for (let c = 0; c < k; c++) e[c]! += v * components[o + c]!;
  }
  let norm = 0;
  for (let c = 0; c < k; c++) {
    e[c]! *= scale[c]!;
    norm += e[c]! ** 2;
  }
  norm = Math.sqrt(norm) || 1;
  for (let c = 0; c < k; c++) e[c]! /= norm;
}

/** The `keep` heaviest terms of a vector, indices ascending. */
export function heaviest(v: SparseVec, keep: number): SparseVec {
  if (v.indices.length <= keep) return v;
  const order = [...v.values.keys()].sort((a, b) => v.values[b]! - v.values[a]!).slice(0, keep).sort((a, b) => a - b);
  return { indices: Int32Array.from(order, (j) => v.indices[j]!), values: Float32Array.from(order, (j) => v.values[j]!) };
}
