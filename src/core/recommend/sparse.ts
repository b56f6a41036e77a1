/** Rows of a sparse matrix (compressed sparse rows): row i is indices/values[ptr[i]..ptr[i+1]). */
export interface Csr {
  rows: number;
  cols: number;
  ptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** One sparse vector, indices ascending. */
export interface SparseVec {
  indices: Int32Array;
  values: Float32Array;
}

export function row(m: Csr, i: number): SparseVec {
  return { indices: m.indices.subarray(m.ptr[i]!, m.ptr[i + 1]!), values: m.values.subarray(m.ptr[i]!, m.ptr[i + 1]!) };
}

/** Appends rows to a matrix (a copy: typed arrays do not grow in place). */
export function appendRows(m: Csr, add: SparseVec[]): Csr {
  const nnz = add.reduce((s, v) => s + v.indices.length, 0);
  const base = m.ptr[m.rows]!;
  const ptr = new Int32Array(m.rows + add.length + 1);
  ptr.set(m.ptr);
  const indices = new Int32Array(base + nnz);
  indices.set(m.indices.subarray(0, base));
  const values = new Float32Array(base + nnz);
  values.set(m.values.subarray(0, base));
  let at = base;
  add.forEach((v, k) => {
    indices.set(v.indices, at);
    values.set(v.values, at);
    at += v.indices.length;
    ptr[m.rows + k + 1] = at;
  });
  return { rows: m.rows + add.length, cols: m.cols, ptr, indices, values };
}

/** Sparse · dense: the dot product of a sparse vector with a dense one. */
export function dotDense(v: SparseVec, dense: Float32Array | Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.indices.length; j++) s += v.values[j]! * dense[v.indices[j]!]!;
  return s;
}
