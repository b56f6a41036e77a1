/**
 * Per-row data kept in a few flat typed arrays with room to grow, instead of one small typed array
 * per paper (each of those costs ~100 bytes of object on top of its data). Arrays are sized to a
 * row *capacity*, never exactly to the rows held: a model loaded from disk must still take new rows.
 */

/**
 * The capacity to allocate for `needed` rows (or items): grown by a quarter, so appends stay
 * amortised O(1) while the room to spare stays small (the model is refitted at +25% anyway;
 * doubling left up to half of a 50 MB array unused).
 */
export function capacityFor(needed: number, current = 0): number {
  let c = Math.max(16, current);
  while (c < needed) c += Math.max(16, c >> 2);
  return c;
}

/**
 * Rows to allocate for a model of `rows` rows: a quarter more, as many as are folded in before the
 * refit (at +25%). Allocated, never written, the room is zero pages the kernel has not mapped yet:
 * no memory until a paper is folded in, and folding in never copies the arrays.
 */
export function spareRows(rows: number): number {
  return rows + Math.ceil(rows / 4) + 16;
}

type Typed = Uint8Array | Int32Array | Float32Array | Float64Array;

/** A view's whole buffer from its start: the room a state's view carries past its items (see spareRows). */
export function withRoom<T extends Int32Array | Float32Array>(a: T): T {
  const T = a.constructor as new (b: ArrayBufferLike, offset: number, length: number) => T;
  return new T(a.buffer, a.byteOffset, (a.buffer.byteLength - a.byteOffset) / a.BYTES_PER_ELEMENT);
}

/** `a` with room for `capacity` items, its content kept (`a` itself when it is already big enough). */
export function resized<T extends Typed>(a: T, capacity: number): T {
  if (a.length >= capacity) return a;
  const grown = new (a.constructor as new (n: number) => T)(capacity);
  grown.set(a);
  return grown;
}

/** Rows of variable length, appended to flat arrays; a replaced row's old slots are left unused. */
export class RaggedRows<V extends Int32Array | Float32Array = Float32Array> {
  start: Int32Array;
  length: Int32Array;
  keys: Int32Array;
  values: V;
  /** Slots of keys/values used so far. */
  used: number;

  constructor(
    rows: number,
    items: number,
    private readonly makeValues: (n: number) => V,
  ) {
    this.start = new Int32Array(capacityFor(rows));
    this.length = new Int32Array(this.start.length);
    this.keys = new Int32Array(capacityFor(items));
    this.values = makeValues(this.keys.length);
    this.used = 0;
  }

  /**
   * Adopts a compact form (row r is keys/values[ptr[r]..ptr[r+1])) without copying it. When keys
   * and values are views with room behind them (a fit's state, a model file read), the room is
   * the capacity rows added later fill; exactly full arrays are grown (set() resizes to a capacity).
   * `values` may be empty (rows of keys only).
   */
  static fromCompact<V extends Int32Array | Float32Array>(ptr: Int32Array, keys: Int32Array, values: V, makeValues: (n: number) => V): RaggedRows<V> {
    const rows = ptr.length - 1;
    const out = new RaggedRows<V>(rows, 0, makeValues);
    const room = withRoom(keys);
    const valuesRoom = values.length ? withRoom(values) : values;
    // Keys and values grow together: their common room only.
    const capacity = values.length ? Math.min(room.length, valuesRoom.length) : room.length;
    out.keys = room.subarray(0, capacity);
    out.values = (values.length ? valuesRoom.subarray(0, capacity) : values) as V;
    for (let r = 0; r < rows; r++) {
      out.start[r] = ptr[r]!;
      out.length[r] = ptr[r + 1]! - ptr[r]!;
    }
    out.used = keys.length;
    return out;
  }

  /**
   * The compact form of the first `rows` rows. When the rows already lie in order without gaps (a
   * fresh fit, a load) keys and values are views of this store's arrays, not copies: write or
   * transfer the result before changing a row. Otherwise a copy with the gaps dropped.
   */
  compact(rows: number): { ptr: Int32Array; keys: Int32Array; values: V } {
    const ptr = new Int32Array(rows + 1);
    let inPlace = true;
    for (let r = 0; r < rows; r++) {
      if (this.length[r]! && this.start[r] !== ptr[r]) inPlace = false;
      ptr[r + 1] = ptr[r]! + this.length[r]!;
    }
    if (inPlace) return { ptr, keys: this.keys.subarray(0, ptr[rows]!), values: this.values.subarray(0, ptr[rows]!) as V };
    const keys = new Int32Array(ptr[rows]!);
    const values = this.makeValues(ptr[rows]!);
    for (let r = 0; r < rows; r++) {
      keys.set(this.keys.subarray(this.start[r]!, this.start[r]! + this.length[r]!), ptr[r]!);
      values.set(this.values.subarray(this.start[r]!, this.start[r]! + this.length[r]!) as never, ptr[r]!);
    }
    return { ptr, keys, values };
  }

  /** Sets row r (growing the row capacity as needed). */
  set(r: number, keys: ArrayLike<number>, values?: ArrayLike<number>): void {
    if (r >= this.start.length) {
      const cap = capacityFor(r + 1, this.start.length);
      this.start = resized(this.start, cap);
      this.length = resized(this.length, cap);
    }
    const n = keys.length;
    if (n <= this.length[r]!) {
      // Fits where the row was: rewrite in place (a paper re-ingested with the same or fewer terms).
    } else {
      if (this.used + n > this.keys.length) {
        const cap = capacityFor(this.used + n, this.keys.length);
        this.keys = resized(this.keys, cap);
        this.values = resized(this.values, cap);
      }
      this.start[r] = this.used;
      this.used += n;
    }
    const s = this.start[r]!;
    this.keys.set(keys, s);
    if (values) this.values.set(values, s);
    this.length[r] = n;
  }

  rowKeys(r: number): Int32Array {
    return this.keys.subarray(this.start[r]!, this.start[r]! + this.length[r]!);
  }

  rowValues(r: number): V {
    return this.values.subarray(this.start[r]!, this.start[r]! + this.length[r]!) as V;
  }
}

/** A list of 32-bit integers appended to one flat array (no per-item boxing, no per-row object). */
export class Int32List {
  private a = new Int32Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.a.length) this.a = resized(this.a, this.a.length * 2);
    this.a[this.length++] = x;
  }

  get(i: number): number {
    return this.a[i]!;
  }

  set(i: number, x: number): void {
    this.a[i] = x;
  }

  /** The items in an exactly sized array (a copy: the list's own has room to spare). */
  toArray(): Int32Array {
    return this.a.slice(0, this.length);
  }
}
