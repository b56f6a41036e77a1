import { describe, expect, it } from 'vitest';
import type { Csr } from '../../../src/core/recommend/sparse.js';
import { truncatedSvd } from '../../../src/core/recommend/svd.js';
import { seededRandom } from '../../../src/core/seeded-random.js';

/** A dense matrix as CSR (zeros dropped). */
function csr(rows: number[][]): Csr {
  const ptr = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of rows) {
    r.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    });
    ptr.push(indices.length);
  }
  return { rows: rows.length, cols: rows[0]!.length, ptr: Int32Array.from(ptr), indices: Int32Array.from(indices), values: Float32Array.from(values) };
}

describe('truncatedSvd', () => {
  it('finds the singular values and right vectors of a known matrix', () => {
    // Rows are multiples of two orthogonal directions: singular values are the norms of the columns of coefficients.
    const u = [1, 0, 0, 0, 1, 0];
    const v = [0, 1, 1, 0, 0, 0];
    const rows = [3, 0, 2, 0, 1].map((a, i) => u.map((x, j) => a * x + [0, 1, 0, 2, 0][i]! * v[j]!));
    const svd = truncatedSvd(csr(rows), 2, { oversample: 3 });
    // ‖(3,0,2,0,1)‖·‖u‖ = √14·√2 and ‖(0,1,0,2,0)‖·‖v‖ = √5·√2.
    expect(svd.singular[0]).toBeCloseTo(Math.sqrt(28), 4);
    expect(svd.singular[1]).toBeCloseTo(Math.sqrt(10), 4);
    const first = Array.from(svd.components.filter((_, i) => i % 2 === 0));
    const dir = u.map((x) => x / Math.SQRT2);
    const dot = first.reduce((s, x, j) => s + x * dir[j]!, 0);
    expect(Math.abs(dot)).toBeCloseTo(1, 4);
  });

  it('returns no dimensions for an empty vocabulary instead of failing', () => {
    const svd = truncatedSvd({ rows: 3, cols: 0, ptr: new Int32Array(4), indices: new Int32Array(0), values: new Float32Array(0) }, 8);
    expect(svd.k).toBe(0);
  });
});

describe('truncatedSvd over a larger sparse matrix (its dense blocks reused pass after pass)', () => {
  it('recovers known singular values and right singular vectors', () => {
    // A = Σ σ_i u_i v_iᵀ with orthonormal u, v and well-separated σ, sparsified by zeroing v's tail:
    // every power iteration must read the block the previous one wrote.
    const rand = seededRandom(9);
    const rows = 120;
    const cols = 80;
    const sigma = [50, 30, 18, 10, 6, 3, 1.5, 0.7];
    const orthonormal = (n: number, k: number) => {
      const out: number[][] = [];
      for (let i = 0; i < k; i++) {
        const v = Array.from({ length: n }, () => rand() - 0.5);
        for (const u of out) {
          const d = u.reduce((s, x, j) => s + x * v[j]!, 0);
          u.forEach((x, j) => (v[j]! -= d * x));
        }
        const norm = Math.hypot(...v);
        out.push(v.map((x) => x / norm));
      }
      return out;
    };
    const u = orthonormal(rows, sigma.length);
    const v = orthonormal(cols, sigma.length);
    const dense = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sigma.reduce((s, x, i) => s + x * u[i]![r]! * v[i]![c]!, 0)));
    const svd = truncatedSvd(csr(dense), 4, { oversample: 6, power: 3 });
    expect(svd.k).toBe(4);
    for (let i = 0; i < 4; i++) {
      expect(svd.singular[i]).toBeCloseTo(sigma[i]!, 3);
      const dot = v[i]!.reduce((s, x, c) => s + x * svd.components[c * 4 + i]!, 0);
      expect(Math.abs(dot)).toBeCloseTo(1, 4);
    }
  });
});
