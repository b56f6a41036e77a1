import { resized } from './ragged.js';

/**
 * Every paper's word-id sequence (the tf-idf counter's output), kept while the vocabulary is chosen
 * and the concept space fitted: one flat byte array of variable-length integers (LEB128 of id + 1,
 * so a break, -1, is 0). Most word ids are below 16,384, two bytes instead of four, and there is no
 * typed-array object per paper: ~1.8 bytes a token instead of 4 plus ~150 bytes a paper.
 */
export class WordSeqs {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private starts = new Float64Array(1024);
  private lengths = new Int32Array(1024);
  private count = 0;
  private longest = 0;

  get size(): number {
    return this.count;
  }

  /** Bytes held (the fit reports it). */
  get byteLength(): number {
    return this.bytes.byteLength + this.starts.byteLength + this.lengths.byteLength;
  }

  push(seq: Int32Array): void {
    if (this.count === this.starts.length) {
      this.starts = resized(this.starts, this.count * 2);
      this.lengths = resized(this.lengths, this.count * 2);
    }
    if (this.used + seq.length * 5 > this.bytes.length) this.bytes = resized(this.bytes, Math.max(this.bytes.length * 2, this.used + seq.length * 5));
    this.starts[this.count] = this.used;
    this.lengths[this.count] = seq.length;
    this.count++;
    this.longest = Math.max(this.longest, seq.length);
    const b = this.bytes;
    let at = this.used;
    for (let i = 0; i < seq.length; i++) {
      let v = seq[i]! + 1;
      while (v >= 0x80) {
        b[at++] = (v & 0x7f) | 0x80;
        v >>>= 7;
      }
      b[at++] = v;
    }
    this.used = at;
  }

  /**
   * Sequence i, decoded into a buffer reused by every call (copy it to keep it). The view ends at
   * the sequence's end, so code reading one past the last token sees `undefined` as with an exact array.
   */
  get(i: number): Int32Array {
    if (!this.scratch || this.scratch.length < this.longest) this.scratch = new Int32Array(this.longest);
    const out = this.scratch;
    const b = this.bytes;
    let at = this.starts[i]!;
    const n = this.lengths[i]!;
    for (let j = 0; j < n; j++) {
      let v = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = b[at++]!;
        v += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      out[j] = v - 1;
    }
    return out.subarray(0, n);
  }
  private scratch: Int32Array | undefined;

  /** Frees the bytes (the fit is done with them). */
  clear(): void {
    this.bytes = new Uint8Array(0);
    this.starts = new Float64Array(0);
    this.lengths = new Int32Array(0);
    this.scratch = undefined;
    this.count = 0;
    this.used = 0;
  }
}
