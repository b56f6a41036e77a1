import type { Logger } from '../logger.js';
import type { StoredPaper } from '../paper.js';
import type { PaperStore } from '../store/ports.js';
import { createIndexWriter } from './index-writer.js';
import { createSearchDb, isCorruption, openSearchDb, readSeq, readVocabulary, type SearchDb } from './search-db.js';
import type { Vocabulary } from './vocabulary.js';

const SYNC_BATCH = 2000;
// A build from empty writes bigger batches: fewer commits and fewer upserts of the same words.
const BULK_BATCH = 10_000;

/** The index as a search reads it: replaced whole when the file is rebuilt or reloaded. */
export interface IndexHandle {
  db: SearchDb;
  vocab: Vocabulary;
  /** The store seq the index has caught up to. */
  seq: number;
}

/**
 * The index file's lifecycle: open (or build from the store), follow the store by seq, reload what
 * another process indexed, and rebuild when the file is damaged or belongs to another store.
 * `onAttach` runs whenever a new handle is in place (the search prepares its statements there).
 */
export function createIndexSync(o: {
  file: string;
  store: PaperStore;
  log: Logger;
  recentDocs: number;
  onAttach: (index: IndexHandle) => void;
}) {
  const { file, store, log } = o;
  let index!: IndexHandle;
  let writer!: ReturnType<typeof createIndexWriter>;

  function attach(db: SearchDb): void {
    const vocab = readVocabulary(db);
    writer = createIndexWriter(db, vocab, o.recentDocs);
    index = { db, vocab, seq: readSeq(db) };
    o.onAttach(index);
  }

  function startFresh(reason: string, replace = true): void {
    log.info({ file, reason }, 'building the search index from the store');
    try {
      if (index?.db.open) index.db.close();
    } catch {
      /* a damaged handle may refuse to close cleanly */
    }
    attach(createSearchDb(file, replace));
  }

  async function catchUp(onProgress?: (done: number, total: number) => void): Promise<void> {
    // Another process (`papers ingest` beside the bot) indexed papers into this file: its words
    // are in the file's vocabulary, not in ours, and its rows are already there. Reload.
    if (readSeq(index.db) > index.seq) attach(index.db);
    const storeSeq = await store.maxSeq();
    // A store behind the index is another store (restored, replaced): the index cannot be trusted.
    if (storeSeq < index.seq) startFresh(`store seq ${storeSeq} is behind the index's ${index.seq}`);
    const started = Date.now();
    const from = index.seq;
    const total = Math.max(0, (await store.maxSeq()) - from);
    let added = 0;
    // A bulk load that was interrupted: its lookup indexes come back before anything else is written.
    writer.endBulk();
    // Papers up to the store's seq now are each met once; later ones may update them (beginBulk).
    let bulkUntil = index.seq === 0 && storeSeq > 0 && writer.beginBulk() ? storeSeq : 0;
    const bulkLoad = bulkUntil > 0;
    if (index.seq === 0) writer.expect((await store.stats()).papers);
    const put = (papers: StoredPaper[]): void => {
      if (!papers.length) return;
      const top = papers[papers.length - 1]!.seq;
      writer.write(papers, top);
      index.seq = top;
      added += papers.length;
      onProgress?.(Math.min(total, top - from), total);
    };
    try {
      for (;;) {
        const papers = await store.papersSince(index.seq, bulkUntil ? BULK_BATCH : SYNC_BATCH);
        if (!papers.length) break;
        const until = bulkUntil;
        if (until && papers[papers.length - 1]!.seq > until) {
          put(papers.filter((p) => p.seq <= until));
          bulkUntil = 0;
          writer.endBulk();
          put(papers.filter((p) => p.seq > until));
        } else {
          put(papers);
        }
      }
      writer.endBulk();
    } finally {
      // A bulk load leaves the in-memory vocabulary behind (see the writer's write): it is read from
      // the file once the load is over, or stopped half way; a damaged file is the caller's to rebuild.
      if (bulkLoad) {
        try {
          attach(index.db);
        } catch {
          /* rebuilt by the caller (sync, guarded) */
        }
      }
    }
    if (added) log.debug({ added, ms: Date.now() - started, seq: index.seq }, 'search index caught up');
  }

  // One catch-up at a time; searches wait for the one running so they never see a half-read store.
  let syncing: Promise<void> | undefined;
  function sync(onProgress?: (done: number, total: number) => void): Promise<void> {
    syncing ??= (async () => {
      try {
        await catchUp(onProgress);
      } catch (err) {
        if (!isCorruption(err)) throw err;
        startFresh(`damaged: ${(err as Error).message}`);
        await catchUp();
      } finally {
        syncing = undefined;
      }
    })();
    return syncing;
  }

  return {
    /** Opens the file, or builds it from the store when it is missing, damaged or of another version. */
    async open(): Promise<void> {
      const opened = openSearchDb(file);
      if ('db' in opened) {
        attach(opened.db);
        log.debug({ file, seq: index.seq }, 'search index loaded');
      } else {
        // A missing file may be being created by another process this moment: join it, never delete it.
        startFresh(opened.problem, opened.problem !== 'missing');
      }
      await sync();
    },
    get index(): IndexHandle {
      return index;
    },
    sync,
    /** Waits for a catch-up running, and catches up if the store moved since. */
    async fresh(): Promise<void> {
      if (syncing) await syncing;
      if ((await store.maxSeq()) !== index.seq) await sync();
    },
    /** Runs a read; a damaged index is rebuilt once and the read tried again. */
    async guarded<T>(read: () => T): Promise<T> {
      try {
        return read();
      } catch (err) {
        if (!isCorruption(err)) throw err;
        startFresh(`damaged: ${(err as Error).message}`);
        await catchUp();
        return read();
      }
    },
    async close(): Promise<void> {
      if (syncing) await syncing.catch(() => undefined);
      if (index.db.open) index.db.close();
    },
  };
}
