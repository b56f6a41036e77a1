import { startWorker } from '../worker-thread.js';
import type { IndexedText } from './indexed-words.js';

export interface WordCounter {
  /**
   * These papers' vocabulary (countWords over each one's indexedFields, as wordsJson), counted in
   * the worker after the batches sent before. Never rejects: undefined once the worker has failed
   * (the index writer then counts the batch itself).
   */
  count(papers: readonly IndexedText[]): Promise<string | undefined>;
  /** Stops the worker; batches not answered yet get undefined. */
  close(): Promise<void>;
}

/**
 * A worker thread counting a bulk load's words (`onFailure`: it stopped answering, the build goes on
 * counting here): tokenizing and counting are a fifth of a build's
 * time and pure JavaScript, so the second core does them while this one writes the batch before
 * into SQLite (index-sync.ts). Only the four text fields are sent; the worker makes them its
 * indexed fields (the writer makes its own as it writes: not twice on this thread).
 */
export function startWordCounter(onFailure?: (err: Error) => void): WordCounter {
  const worker = startWorker(import.meta.url, './word-count-worker', undefined);
  const waiting: Array<(m: string | undefined) => void> = [];
  let failed = false;
  let closing = false;
  const fail = (err?: Error) => {
    if (!failed && !closing && err) onFailure?.(err);
    failed = true;
    for (const answer of waiting.splice(0)) answer(undefined);
  };
  worker.on('message', (words: string) => waiting.shift()?.(words));
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`word-count worker exited with code ${code}`)));
  return {
    count(papers) {
      if (failed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        try {
          worker.postMessage(papers.map((p) => ({ title: p.title, abstract: p.abstract, authors: p.authors, keywords: p.keywords })));
        } catch {
          resolve(undefined);
          return;
        }
        // After the post: answers come on a later turn, in the order sent.
        waiting.push(resolve);
      });
    },
    async close() {
      closing = true;
      await worker.terminate();
      fail();
    },
  };
}
