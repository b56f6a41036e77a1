import type { IndexedPaper } from '../paper.js';
import type { StoreLocation } from './ports.js';
import { openSqlitePaperReader } from './sqlite/paper-reader.js';

/** A store opened in another thread only to index its papers in seq order (PaperStore.location). */
export interface PaperReader {
  /** As PaperStore.papersSince, with only what the index reads. */
  papersSince(after: number, limit: number): IndexedPaper[];
  /** The highest seq (0 when empty), as PaperStore.maxSeq. */
  maxSeq(): number;
  /** The papers held. */
  count(): number;
  close(): void;
}

export function openPaperReader(location: StoreLocation): PaperReader {
  switch (location.kind) {
    case 'sqlite':
      return openSqlitePaperReader(location.file);
  }
}
