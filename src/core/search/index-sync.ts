import type { Logger } from '../logger.js';
import type { IndexedPaper } from '../paper.js';
import type { PaperStore } from '../store/ports.js';
import { startWordCounter, type WordCounter } from './count-words-in-worker.js';
import { createIndexWriter } from './index-writer.js';
import { createSearchDb, isCorruption, openSearchDb, readSeq, readVocabulary, wordTable, type SearchDb } from './search-db.js';
import { Vocabulary } from './vocabulary.js';

const SYNC_BATCH = 2000;
// A build from empty writes bigger batches: fewer commits and fewer upserts of the same words.
const BULK_BATCH = 10_000;
// A build from empty of at least this many papers counts its words in a worker thread (see
// count-words-in-worker.ts); starting one costs 0.05-0.5 s, counting 10k papers' words ~0.6 s.
const WORD_WORKER_FROM = 20_000;

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
export interface IndexedStore extends Pick<PaperStore, 'maxSeq' | 'stats'> {
  /** As PaperStore.papersSince; the index reads only an IndexedPaper of each. */
  papersSince(after: number, limit: number): Promise<IndexedPaper[]>;
}

export function createIndexSync(o: {
  file: string;
  /** What an index reads of a store: its papers in seq order, the top seq, the count. */
  store: IndexedStore;
  log: Logger;
  recentDocs: number;
  onAttach: (index: IndexHandle) => void;
  /** See WORD_WORKER_FROM (tests set 1). */
  wordWorkerFrom?: number;
  /**
   * Follows a store being filled (`papers ingest` of many inputs, follow-store.ts): when the
   * index starts empty, each catch-up until endFollowing goes on with one bulk load, so the papers
   * are indexed as they arrive rather than after the last input.
   */
  follow?: boolean;
  /** The vocabulary read from the file a word at a time (Vocabulary.onDemand), not whole on attach. */
  wordsOnDemand?: boolean;
}) {
  const { file, store, log } = o;
  let index!: IndexHandle;
  let writer!: ReturnType<typeof createIndexWriter>;

  function attach(db: SearchDb): void {
    const vocab = o.wordsOnDemand ? Vocabulary.onDemand(wordTable(db)) : readVocabulary(db);
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

  // Following a store being filled (o.follow): one bulk load goes on from catch-up to catch-up,
  // its word counter kept (starting one costs up to 0.5 s), until endFollowing.
  let following: { counter?: WordCounter } | undefined = o.follow ? {} : undefined;

  /**
   * Following, the papers coming are counted again as each batch is read (the writer leaves the
   * rows that the end would trim out of fts_recent; see its expect): counted once at the start,
   * a load that follows the store from its first input would put every row in and take most out.
   * A paper merged into another meanwhile makes the count one too many, and the shard one paper
   * short: never a row missing above its floor.
   */
  async function expectMore(): Promise<void> {
    if (following && writer.inBulk) writer.expect((await store.stats()).papers);
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
    const total = Math.max(0, storeSeq - from);
    let added = 0;
    // A bulk load that was interrupted: its lookup indexes come back before anything else is
    // written. Not one this writer is following a store with: it goes on.
    if (!(following && writer.inBulk)) writer.endBulk();
    // The papers up to the store's seq now are loaded in bulk, or every paper while following.
    const startBulk = index.seq === 0 && storeSeq > 0 && writer.beginBulk();
    let bulkUntil = following && writer.inBulk ? Infinity : startBulk ? storeSeq : 0;
    const bulkLoad = bulkUntil > 0;
    const rows = bulkLoad ? (await store.stats()).papers : 0;
    if (bulkLoad) writer.expect(rows);
    const put = (papers: IndexedPaper[], words?: string): void => {
      if (!papers.length) return;
      const top = papers[papers.length - 1]!.seq;
      writer.write(papers, top, words);
      index.seq = top;
      added += papers.length;
      onProgress?.(Math.min(total, top - from), total);
    };
    try {
      // Following a store being filled, from its first input: the store's count now says little.
      if (bulkUntil && (following || rows >= (o.wordWorkerFrom ?? WORD_WORKER_FROM))) {
        await loadCountingInWorker(bulkUntil, put);
        bulkUntil = 0;
        // Following: caught up with the store as it is now; the next input brings a catch-up again
        // (the loop below would go on as the store grows, counting words on this thread).
        if (following) return;
        writer.endBulk();
      }
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
      if (!following) writer.endBulk();
    } finally {
      // A bulk load leaves the in-memory vocabulary behind (see the writer's write): it is read from
      // the file once the load is over, or stopped half way; a damaged file is the caller's to rebuild.
      if (bulkLoad && !following) {
        try {
          attach(index.db);
        } catch {
          /* rebuilt by the caller (sync, guarded) */
        }
      }
    }
    if (added) log.debug({ added, ms: Date.now() - started, seq: index.seq }, 'search index caught up');
  }

  /**
   * The papers up to `until` (a bulk load's), in bulk batches: each batch's words are counted in a
   * worker thread while the batch before is written, and the next batch is read meanwhile too. Each
   * batch is still one transaction with its words and seq (the writer's write).
   */
  async function loadCountingInWorker(until: number, put: (papers: IndexedPaper[], words?: string) => void): Promise<void> {
    const start = () => startWordCounter((err) => log.warn({ err }, 'the word-count worker failed; the index build counts words itself'));
    const counter = following ? (following.counter ??= start()) : start();
    try {
      let after = index.seq;
      let last = false;
      const read = async (): Promise<IndexedPaper[]> => {
        if (last) return [];
        const page = await store.papersSince(after, BULK_BATCH);
        await expectMore();
        const mine = page.filter((p) => p.seq <= until);
        // Papers changed since the load began come after it, as updates (the caller's loop).
        if (!page.length || mine.length < page.length) last = true;
        if (mine.length) after = mine[mine.length - 1]!.seq;
        return mine;
      };
      let batch = await read();
      let words = counter.count(batch);
      while (batch.length) {
        const next = await read();
        const nextWords = next.length ? counter.count(next) : undefined;
        put(batch, await words);
        [batch, words] = [next, nextWords ?? Promise.resolve(undefined)];
      }
    } finally {
      if (!following) await counter.close();
    }
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
    /** Ends following: the load's lookup indexes and merging back, its vocabulary read. */
    async endFollowing(): Promise<void> {
      if (!following) return;
      const counter = following.counter;
      following = undefined;
      await counter?.close();
      if (syncing) await syncing.catch(() => {});
      if (writer.inBulk) {
        writer.endBulk();
        attach(index.db);
      }
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
