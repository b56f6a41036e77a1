import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ParseError } from './errors.js';
import type { IngestOptions, IngestOutcome, IngestService } from './ingest-ports.js';
import type { Logger } from './logger.js';
import type { ParseDigest } from './parse/ports.js';
import type { PaperSearch } from './search/ports.js';
import type { PaperStore } from './store/ports.js';

export interface IngestDeps {
  store: PaperStore;
  parse: ParseDigest;
  /** Brought up to date after every successful ingest, so search never serves stale results. */
  search?: Pick<PaperSearch, 'sync'>;
  maxBytes: number;
  logger: Logger;
  now?: () => Date;
}

function formatMb(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  EPERM: 'operation not permitted',
};

/** The one path every input takes: CLI, inbox folder, HTTP sources, the sample digest at first start. */
export function createIngestService(deps: IngestDeps): IngestService {
  const { store, parse, search, maxBytes, logger } = deps;

  async function ingestBuffer(content: Buffer, opts: IngestOptions): Promise<IngestOutcome> {
    const { origin } = opts;
    if (content.length > maxBytes) {
      return { ok: false, origin, error: `${origin}: ${formatMb(content.length)} is over the ${formatMb(maxBytes)} size limit (MAX_FILE_MB)` };
    }
    let parsed;
    try {
      parsed = parse(content, { format: opts.format, date: opts.date, fileName: basename(origin), now: deps.now?.() });
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
      try {
        const st = await stat(path);
        if (st.isDirectory()) return { ok: false, origin: path, error: `${path}: is a directory` };
        if (st.size > maxBytes) {
          return { ok: false, origin: path, error: `${path}: ${formatMb(st.size)} is over the ${formatMb(maxBytes)} size limit (MAX_FILE_MB)` };
        }
        const content = await readFile(path);
        return await ingestBuffer(content, { ...opts, origin: path });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        return { ok: false, origin: path, error: `${path}: cannot read (${FS_REASONS[code] ?? (err as Error).message})` };
      }
    },
  };
}
