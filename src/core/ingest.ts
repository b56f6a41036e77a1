import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ParseError } from './errors.js';
import type { IngestOptions, IngestOutcome, IngestService } from './ingest-ports.js';
import type { Logger } from './logger.js';
import type { ParseDigest } from './parse/ports.js';
import type { PaperSearch } from './search/ports.js';
import type { PaperStore } from './store/ports.js';

export interface IngestDeps {
  store: PaperStore;
  /** A parser, or one loaded on first use (open-core.ts: a command that never parses does not load them). */
  parse: (...args: Parameters<ParseDigest>) => ReturnType<ParseDigest> | Promise<ReturnType<ParseDigest>>;
  /** Brought up to date after every successful ingest, so search never serves stale results. */
  search?: Pick<PaperSearch, 'sync'>;
  maxBytes: number;
  logger: Logger;
  now?: () => Date;
}

const KB = 1024;
const MB = 1024 * 1024;

/** The limit as set (MAX_FILE_MB is often fractional): in the largest unit it is a whole number of. */
function exactSize(bytes: number): string {
  if (bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes % KB === 0) return `${bytes / KB} KB`;
  return `${bytes} bytes`;
}

/**
 * "<origin>: <size> is over the <limit> size limit (MAX_FILE_MB)". The size is rounded down and
 * given more digits, or bytes, until it reads larger than the limit: rounding both to one unit made
 * it say "1 KB is over the 1 KB size limit". `size` undefined: a stream cut off at the limit.
 */
export function sizeLimitError(origin: string, size: number | undefined, maxBytes: number): string {
  const limit = exactSize(maxBytes);
  if (size === undefined) return `${origin}: is over the ${limit} size limit (MAX_FILE_MB); stopped reading there`;
  const unit = size >= MB ? MB : size >= KB ? KB : 1;
  if (unit > 1 && maxBytes % KB === 0) {
    for (let digits = unit === MB ? 1 : 0; digits <= 3; digits++) {
      const shown = Math.floor((size / unit) * 10 ** digits) / 10 ** digits;
      if (shown > maxBytes / unit) {
        return `${origin}: ${shown.toFixed(digits)} ${unit === MB ? 'MB' : 'KB'} is over the ${limit} size limit (MAX_FILE_MB)`;
      }
    }
  }
  const inBytes = limit.endsWith('bytes') ? limit : `${limit} (${maxBytes} bytes)`;
  return `${origin}: ${size} bytes is over the ${inBytes} size limit (MAX_FILE_MB)`;
}

/**
 * Reads a stream to its end, or stops (and closes it) once it holds more than `maxBytes`:
 * undefined then. Stdin, pipes and /dev or /proc files have no size to check up front.
 */
export async function readAtMost(stream: AsyncIterable<Buffer | string>, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c;
    total += chunk.length;
    if (total > maxBytes) return undefined; // leaving the loop destroys the stream: nothing more is read
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  EPERM: 'operation not permitted',
  // A failing disk, a dropped network mount, or a /proc file that cannot be read as a whole.
  EIO: 'input/output error',
};

/** The one path every input takes: CLI, inbox folder, HTTP sources, the sample digest at first start. */
export function createIngestService(deps: IngestDeps): IngestService {
  const { store, parse, search, maxBytes, logger } = deps;

  async function ingestBuffer(content: Buffer, opts: IngestOptions): Promise<IngestOutcome> {
    const { origin } = opts;
    if (content.length > maxBytes) {
      return { ok: false, origin, error: sizeLimitError(origin, content.length, maxBytes) };
    }
    let parsed;
    try {
      parsed = await parse(content, { format: opts.format, date: opts.date, fileName: basename(origin), now: deps.now?.() });
    } catch (err) {
      if (err instanceof ParseError) return { ok: false, origin, error: `${origin}: ${err.message}` };
      logger.error({ err, origin }, 'parser failed unexpectedly');
      return { ok: false, origin, error: `${origin}: could not be parsed (${(err as Error).message})` };
    }
    try {
      const digestDate = opts.date ?? parsed.digestDate;
      const counts = await store.ingest({ source: parsed.format, digestDate, papers: parsed.papers, origin });
      if (search && counts.changedIds.length && opts.sync !== false) await search.sync();
      for (const w of parsed.warnings) logger.warn({ origin }, w);
      return { ok: true, origin, format: parsed.format, digestDate, papers: parsed.papers.length, counts, warnings: parsed.warnings };
    } catch (err) {
      // The store's transaction rolled back: nothing of this input is kept, everything before it is.
      logger.error({ err, origin }, 'storing failed');
      return { ok: false, origin, error: `${origin}: could not be stored (${(err as Error).message}); nothing of it was kept` };
    }
  }

  return {
    ingestBuffer,
    async ingestFile(path, opts = {}) {
      const read = await readInputFile(path, maxBytes);
      if (!read.ok) return { ok: false, origin: path, error: read.error };
      return ingestBuffer(read.content, { ...opts, origin: path });
    },
  };
}

/**
 * A file's content, or one line naming the file and why it cannot be had (missing, a directory,
 * unreadable, over the size limit). Shared with `papers parse`, so both refuse the same files.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<{ ok: true; content: Buffer } | { ok: false; error: string }> {
  try {
    const st = await stat(path);
    if (st.isDirectory()) return { ok: false, error: `${path}: is a directory` };
    if (st.size > maxBytes) return { ok: false, error: sizeLimitError(path, st.size, maxBytes) };
    // st.size is 0 for pipes and /proc files, which can still be endless (/dev/zero).
    const content = await readAtMost(createReadStream(path), maxBytes);
    if (!content) return { ok: false, error: sizeLimitError(path, undefined, maxBytes) };
    return { ok: true, content };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    return { ok: false, error: `${path}: cannot read (${FS_REASONS[code] ?? (err as Error).message})` };
  }
}
