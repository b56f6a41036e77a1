import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { ModelState } from './model.js';

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

/** Reads a model file; anything but a complete, current, intact file is `ok: false` with the reason. */
export function readModelFile(path: string): ModelFileRead {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT', reason: code === 'ENOENT' ? 'no model file yet' : `cannot read it (${code ?? String(err)})` };
  }
  const bad = (reason: string): ModelFileRead => ({ ok: false, missing: false, reason });
  if (buf.length < PREFIX || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return bad('not a recommender model file');
  const version = buf.readUInt32LE(8);
  if (version !== MODEL_FILE_VERSION) return bad(`model file version ${version}, this bot reads version ${MODEL_FILE_VERSION}`);
  const headerBytes = buf.readUInt32LE(12);
  if (PREFIX + headerBytes > buf.length) return bad('truncated (the header runs past the end)');
  const digest = createHash('sha256').update(buf.subarray(PREFIX)).digest();
  if (!digest.equals(buf.subarray(16, PREFIX))) return bad('checksum mismatch (truncated or corrupted)');
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
    h = JSON.parse(buf.subarray(PREFIX, PREFIX + headerBytes).toString('utf8'));
  } catch {
    return bad('unreadable header');
  }
  const a = {} as Record<ArrayName, Int32Array | Float32Array | Float64Array>;
  let at = PREFIX + headerBytes;
  at += pad8(at);
  for (const [name, type, length] of h.arrays) {
    const T = TYPES[type];
    if (!T) return bad(`unknown array type ${type}`);
    const bytes = length * T.BYTES_PER_ELEMENT;
    if (at + bytes > buf.length) return bad(`truncated (array ${name})`);
    // A copy: the file buffer is freed, and the model resizes what it needs room in.
    a[name] = new T((buf.buffer as ArrayBuffer).slice(buf.byteOffset + at, buf.byteOffset + at + bytes));
    at += bytes + pad8(bytes);
  }
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
