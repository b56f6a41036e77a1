import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { ModelState } from './model.js';
import { spareRows } from './ragged.js';

/**
 * The fitted recommender on disk (DATA_DIR/recommender.model), so a restart or a CLI run loads it in
 * a second instead of refitting for minutes. Layout:
 *
 *   "PBRECMDL" | u32 version | u32 header bytes | sha256 of everything after it (32 bytes)
 *   | header (JSON: store seq, tuning, strings, array list) | arrays, each padded to 8 bytes
 *
 * Written to a temporary file and renamed over the old one, so a crash mid-write leaves the old
 * model. A file that is not exactly what this version writes is reported, never half-read.
 */
export const MODEL_FILE = 'recommender.model';
export const MODEL_FILE_VERSION = 1;
const MAGIC = Buffer.from('PBRECMDL');
const PREFIX = MAGIC.length + 4 + 4 + 32;

type ArrayName = 'wordIds' | 'featureKeys' | 'idf' | 'components' | 'singular' | 'termPtr' | 'terms' | 'weights' | 'datePtr' | 'days' | 'authorPtr' | 'authorRows' | 'embed';
const TYPES = { i32: Int32Array, f32: Float32Array, f64: Float64Array } as const;
type TypeName = keyof typeof TYPES;

function arraysOf(s: ModelState): Array<[ArrayName, Int32Array | Float32Array | Float64Array]> {
  return [
    ['wordIds', s.vocab.wordIds],
    ['featureKeys', s.vocab.featureKeys],
    ['idf', s.vocab.idf],
    ['components', s.components],
    ['singular', s.singular],
    ['termPtr', s.termPtr],
    ['terms', s.terms],
    ['weights', s.weights],
    ['datePtr', s.datePtr],
    ['days', s.days],
    ['authorPtr', s.authorPtr],
    ['authorRows', s.authorRows],
    ['embed', s.embed],
  ];
}

const typeName = (a: Int32Array | Float32Array | Float64Array): TypeName => (a instanceof Int32Array ? 'i32' : a instanceof Float32Array ? 'f32' : 'f64');
const pad8 = (n: number) => (8 - (n % 8)) % 8;

/** Writes the model with the store seq it has caught up to; atomic (temp file + rename). */
export function writeModelFile(path: string, state: ModelState, seq: number): void {
  const arrays = arraysOf(state);
  const header = Buffer.from(
    JSON.stringify({
      seq,
      tuning: state.tuning,
      dims: state.dims,
      fittedOn: state.fittedOn,
      bigrams: state.vocab.bigrams,
      ids: state.ids,
      stems: state.vocab.stems,
      labels: state.vocab.labels,
      authors: state.authors,
      arrays: arrays.map(([name, a]) => [name, typeName(a), a.length]),
    }),
  );
  const chunks: Buffer[] = [header, Buffer.alloc(pad8(PREFIX + header.length))];
  for (const [, a] of arrays) {
    chunks.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.alloc(pad8(a.byteLength)));
  }
  const hash = createHash('sha256');
  for (const c of chunks) hash.update(c);
  const prefix = Buffer.alloc(PREFIX);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(MODEL_FILE_VERSION, 8);
  prefix.writeUInt32LE(header.length, 12);
  hash.digest().copy(prefix, 16);
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    for (const c of [prefix, ...chunks]) {
      let at = 0;
      while (at < c.length) at += writeSync(fd, c, at, c.length - at);
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
}

export type ModelFileRead = { ok: true; state: ModelState; seq: number } | { ok: false; missing: boolean; reason: string };

/** Reads `n` bytes at `pos` into `into` (fewer only at the end of the file); returns how many were read. */
function readAt(fd: number, into: Uint8Array, pos: number): number {
  let got = 0;
  while (got < into.length) {
    const r = readSync(fd, into, got, into.length - got, pos + got);
    if (r === 0) break;
    got += r;
  }
  return got;
}

/**
 * Reads a model file; anything but a complete, current, intact file is `ok: false` with the reason.
 * Each array is read from the file straight into its own typed array (hashed on the way), never
 * the whole file into one buffer first: at 100k papers that was a 130 MB second copy.
 */
export function readModelFile(path: string): ModelFileRead {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: code === 'ENOENT' ? 'no model file yet' : `cannot read it (${code ?? String(err)})` };
  }
  try {
    return readOpen(fd);
  } catch (err) {
    return { ok: false, missing: false, reason: `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  } finally {
    closeSync(fd);
  }
}

function readOpen(fd: number): ModelFileRead {
  const size = fstatSync(fd).size;
  const bad = (reason: string): ModelFileRead => ({ ok: false, missing: false, reason });
  const prefix = Buffer.alloc(PREFIX);
  if (readAt(fd, prefix, 0) < PREFIX || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) return bad('not a recommender model file');
  const version = prefix.readUInt32LE(8);
  if (version !== MODEL_FILE_VERSION) return bad(`model file version ${version}, this bot reads version ${MODEL_FILE_VERSION}`);
  const headerBytes = prefix.readUInt32LE(12);
  if (PREFIX + headerBytes > size) return bad('truncated (the header runs past the end)');
  const hash = createHash('sha256');
  let at = PREFIX;
  /** Reads the next bytes into `into`, hashed; false at a short read. */
  const next = (into: Uint8Array) => {
    const got = readAt(fd, into, at);
    hash.update(into.subarray(0, got));
    at += got;
    return got === into.length;
  };
  /** Hashes the rest of the file and tells whether it matches the stored checksum. */
  const intact = () => {
    const chunk = Buffer.alloc(1 << 20);
    for (;;) {
      const got = readAt(fd, chunk, at);
      if (!got) break;
      hash.update(chunk.subarray(0, got));
      at += got;
    }
    return hash.digest().equals(prefix.subarray(16, PREFIX));
  };
  const headerBuf = Buffer.alloc(headerBytes);
  next(headerBuf);
  let h: {
    seq: number;
    tuning: ModelState['tuning'];
    dims: number;
    fittedOn: number;
    bigrams: boolean;
    ids: string[];
    stems: string[];
    labels: string[];
    authors: string[];
    arrays: Array<[ArrayName, TypeName, number]>;
  };
  try {
    h = JSON.parse(headerBuf.toString('utf8'));
  } catch {
    return bad(intact() ? 'unreadable header' : 'checksum mismatch (truncated or corrupted)');
  }
  next(Buffer.alloc(pad8(at)));
  const a = {} as Record<ArrayName, Int32Array | Float32Array | Float64Array>;
  // The arrays papers are folded into get the room a fit gives them (spareRows), as views: the
  // model adopts the room, and the first papers after a restart do not copy 100 MB of arrays.
  const rows = Array.isArray(h.ids) ? h.ids.length : 0;
  const room: Partial<Record<ArrayName, number>> = { embed: spareRows(rows) * h.dims, terms: spareRows(rows) * h.tuning?.keepTerms, weights: spareRows(rows) * h.tuning?.keepTerms };
  for (const [name, type, length] of h.arrays ?? []) {
    const T = TYPES[type];
    if (!T) return bad(intact() ? `unknown array type ${type}` : 'checksum mismatch (truncated or corrupted)');
    const bytes = length * T.BYTES_PER_ELEMENT;
    if (!(bytes >= 0) || at + bytes > size) return bad(`truncated (array ${name})`);
    const arr = new T(Math.max(length, room[name] || 0));
    if (!next(new Uint8Array(arr.buffer, 0, bytes))) return bad(`truncated (array ${name})`);
    next(Buffer.alloc(pad8(bytes)));
    a[name] = arr.subarray(0, length);
  }
  if (!intact()) return bad('checksum mismatch (truncated or corrupted)');
  const state: ModelState = {
    tuning: h.tuning,
    dims: h.dims,
    fittedOn: h.fittedOn,
    vocab: { stems: h.stems, wordIds: a.wordIds as Int32Array, featureKeys: a.featureKeys as Float64Array, idf: a.idf as Float32Array, labels: h.labels, bigrams: h.bigrams },
    components: a.components as Float32Array,
    singular: a.singular as Float64Array,
    ids: h.ids,
    termPtr: a.termPtr as Int32Array,
    terms: a.terms as Int32Array,
    weights: a.weights as Float32Array,
    datePtr: a.datePtr as Int32Array,
    days: a.days as Int32Array,
    authors: h.authors,
    authorPtr: a.authorPtr as Int32Array,
    authorRows: a.authorRows as Int32Array,
    embed: a.embed as Float32Array,
  };
  const missing = arraysOf({ ...state }).find(([, arr]) => !arr);
  if (missing) return bad(`incomplete (no ${missing[0]})`);
  if (state.termPtr.length !== state.ids.length + 1 || state.embed.length !== state.ids.length * state.dims) return bad('inconsistent sizes');
  return { ok: true, state, seq: h.seq };
}

/** The typed arrays' buffers of a state, to transfer it to another thread instead of copying it. */
export function transferList(s: ModelState): ArrayBuffer[] {
  return [...new Set(arraysOf(s).map(([, a]) => a.buffer as ArrayBuffer))];
}
