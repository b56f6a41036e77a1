import type { Csr } from './sparse.js';
import { seededRandom } from '../seeded-random.js';

/** Right singular vectors (cols × k, row-major) and singular values, largest first. */
export interface TruncatedSvd {
  k: number;
  components: Float32Array;
  singular: Float64Array;
}


/** Y = X · W, X sparse (n × c), W dense (c × l) → n × l, written into `y` (overwritten). */
function times(x: Csr, w: Float64Array, l: number, y: Float64Array): Float64Array {
  y.fill(0);
  for (let i = 0; i < x.rows; i++) {
    const o = i * l;
    for (let p = x.ptr[i]!; p < x.ptr[i + 1]!; p++) {
      const v = x.values[p]!;
      const wo = x.indices[p]! * l;
      for (let j = 0; j < l; j++) y[o + j]! += v * w[wo + j]!;
    }
  }
  return y;
}

/** Z = Xᵀ · Y, X sparse (n × c), Y dense (n × l) → c × l, written into `z` (overwritten). */
function timesT(x: Csr, y: Float64Array, l: number, z: Float64Array): Float64Array {
  z.fill(0);
  for (let i = 0; i < x.rows; i++) {
    const o = i * l;
    for (let p = x.ptr[i]!; p < x.ptr[i + 1]!; p++) {
      const v = x.values[p]!;
      const zo = x.indices[p]! * l;
      for (let j = 0; j < l; j++) z[zo + j]! += v * y[o + j]!;
    }
  }
  return z;
}

/** Gram matrix Aᵀ A (l × l) of a row-major m × l matrix. */
function gram(a: Float64Array, m: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let r = 0; r < m; r++) {
    const o = r * l;
    for (let i = 0; i < l; i++) {
      const ai = a[o + i]!;
      if (ai === 0) continue;
      const gi = i * l;
      for (let j = i; j < l; j++) g[gi + j]! += ai * a[o + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i]!;
  return g;
}

/**
 * Orthonormal columns spanning A's (in place), by Cholesky QR done twice: two passes over a tall
 * row-major matrix instead of Gram–Schmidt's column walks. Columns that collapse are zeroed.
 */
function orthonormalize(a: Float64Array, m: number, l: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const g = gram(a, m, l);
    // Cholesky G = Rᵀ R, R upper triangular, with a tiny ridge against rank deficiency.
    const r = new Float64Array(l * l);
    let scale = 0;
    for (let i = 0; i < l; i++) scale = Math.max(scale, g[i * l + i]!);
    const ridge = scale * 1e-12 + 1e-300;
    for (let i = 0; i < l; i++) {
      for (let j = i; j < l; j++) {
        let s = g[i * l + j]! + (i === j ? ridge : 0);
        for (let k = 0; k < i; k++) s -= r[k * l + i]! * r[k * l + j]!;
        if (i === j) r[i * l + i] = s > ridge ? Math.sqrt(s) : 0;
        else r[i * l + j] = r[i * l + i]! > 0 ? s / r[i * l + i]! : 0;
      }
    }
    // Each row a ← a · R⁻¹ (forward substitution).
    for (let row = 0; row < m; row++) {
      const o = row * l;
      for (let j = 0; j < l; j++) {
        const d = r[j * l + j]!;
        if (d === 0) {
          a[o + j] = 0;
          continue;
        }
        let s = a[o + j]!;
        for (let k = 0; k < j; k++) s -= a[o + k]! * r[k * l + j]!;
        a[o + j] = s / d;
      }
    }
  }
}

/** Eigenvalues and eigenvectors (columns of V) of a symmetric l × l matrix, by cyclic Jacobi. */
function symmetricEigen(a: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < l; i++) {
      diag += m[i * l + i]! ** 2;
      for (let j = i + 1; j < l; j++) off += m[i * l + j]! ** 2;
    }
    if (off <= 1e-18 * diag) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = m[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * l + q]! - m[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const mkp = m[k * l + p]!;
          const mkq = m[k * l + q]!;
          m[k * l + p] = c * mkp - s * mkq;
          m[k * l + q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < l; k++) {
          const mpk = m[p * l + k]!;
          const mqk = m[q * l + k]!;
          m[p * l + k] = c * mpk - s * mqk;
          m[q * l + k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = m[i * l + i]!;
  return { values, vectors: v };
}

/**
 * The top-k right singular vectors of a sparse matrix by randomized SVD (Halko, Martinsson & Tropp
 * 2011): a random sketch of the row space sharpened by power iterations, then an exact SVD of the
 * small projected problem. Cost: (2·power + 2) sparse passes of width k + oversample.
 *
 * Memory: two dense blocks, one n × l (the range, Y) and one c × l (the sketch Ω, then each Xᵀ·Y),
 * each overwritten in place pass after pass instead of a new pair per power iteration (at 100k
 * papers a block is 30–45 MB and four of them waited for the collector), and the result.
 */
export function truncatedSvd(x: Csr, k: number, opts: { oversample?: number; power?: number; seed?: number } = {}): TruncatedSvd {
  const l = Math.min(k + (opts.oversample ?? 10), x.cols, x.rows);
  k = Math.min(k, l);
  const rand = seededRandom(opts.seed ?? 42);
  // Gaussian sketch by Box–Muller.
  const z = new Float64Array(x.cols * l);
  for (let i = 0; i < z.length; i++) z[i] = Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
  const y = times(x, z, l, new Float64Array(x.rows * l));
  orthonormalize(y, x.rows, l);
  for (let it = 0; it < (opts.power ?? 2); it++) {
    timesT(x, y, l, z);
    orthonormalize(z, x.cols, l);
    times(x, z, l, y);
    orthonormalize(y, x.rows, l);
  }
  // B = Qᵀ X; its right singular vectors come from Bᵀ = Xᵀ Q (c × l): Bᵀ = V Σ Wᵀ, so
  // (Xᵀ Q)ᵀ (Xᵀ Q) = W Σ² Wᵀ and V = Xᵀ Q W Σ⁻¹.
  const bt = timesT(x, y, l, z);
  const { values, vectors } = symmetricEigen(gram(bt, x.cols, l), l);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!).slice(0, k);
  const singular = Float64Array.from(order, (i) => Math.sqrt(Math.max(values[i]!, 0)));
  const components = new Float32Array(x.cols * k);
  for (let t = 0; t < x.cols; t++) {
    for (let c = 0; c < k; c++) {
      const e = order[c]!;
      if (singular[c]! === 0) continue;
      let s = 0;
      for (let j = 0; j < l; j++) s += bt[t * l + j]! * vectors[j * l + e]!;
      components[t * k + c] = s / singular[c]!;
    }
  }
  return { k, components, singular };
}
