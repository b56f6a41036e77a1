/**
 * Document frequencies of word pairs by key, in an open-addressing hash table of two typed arrays
 * (12 bytes a slot). A Map<number, number> holding the same 1.5M pairs took ~80 MB at 100k papers
 * (pair keys pass 2^31, so each was a boxed number besides its entry), twice that while it rehashed:
 * the largest part of the fit's peak memory.
 */
export class PairCounts {
  private keys: Float64Array;
  private counts: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    this.keys = new Float64Array(capacity);
    this.counts = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Keys are positive integers below 2^53 (0 marks an empty slot). */
  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  /** Adds one to the key's count. */
  increment(key: number): void {
    let i = this.slot(key);
    if (this.keys[i] === 0) {
      // Kept at most three quarters full: linear probing stays short.
      if ((this.size + 1) * 4 > this.keys.length * 3) {
        this.rehash(this.keys.length * 2, 1);
        i = this.slot(key);
      }
      this.keys[i] = key;
      this.size++;
    }
    this.counts[i]!++;
  }

  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === key ? this.counts[i]! : 0;
  }

  /** Forgets the keys counted fewer than `min` times. */
  prune(min: number): void {
    this.rehash(this.keys.length, min);
  }

  /** Every key with its count (in no particular order). */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) yield [this.keys[i]!, this.counts[i]!];
  }

  private rehash(capacity: number, min: number): void {
    const { keys, counts } = this;
    this.keys = new Float64Array(capacity);
    this.counts = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0 || counts[i]! < min) continue;
      const j = this.slot(keys[i]!);
      this.keys[j] = keys[i]!;
      this.counts[j] = counts[i]!;
      this.size++;
    }
  }
}
