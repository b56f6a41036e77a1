import type { Format } from './parse/ports.js';
import type { IngestCounts } from './store/ports.js';

export interface IngestOptions {
  /** File name or URL: named in every message about this input. */
  origin: string;
  format?: Format;
  date?: string;
  /**
   * Bring the search index up to date after this input (default true). A batch of many files
   * turns it off and syncs once at the end: search catches up by itself before answering anyway.
   */
  sync?: boolean;
}

export type IngestOutcome =
  | { ok: true; origin: string; format: Format; digestDate?: string; papers: number; counts: IngestCounts; warnings: string[] }
  /** `error` is one line naming the origin and the reason; nothing was stored. */
  | { ok: false; origin: string; error: string };

/** Parse + store + index, one input at a time, each in its own transaction. Never throws for bad input. */
export interface IngestService {
  ingestBuffer(content: Buffer, opts: IngestOptions): Promise<IngestOutcome>;
  /** Reads the file (refusing it above the size limit) and ingests it. */
  ingestFile(path: string, opts?: Omit<IngestOptions, 'origin'>): Promise<IngestOutcome>;
}
