/**
 * The word-count worker thread's entry (see count-words-in-worker.ts): counts the vocabulary of each
 * batch of papers it is sent, in order, and answers with the words and their paper counts.
 */
import { parentPort } from 'node:worker_threads';
import { countWords, indexedFields, type IndexedText } from './indexed-words.js';

const port = parentPort!;
port.on('message', (papers: IndexedText[]) => {
  const counts = countWords(papers.map((p) => indexedFields(p).join(' ')));
  port.postMessage({ words: [...counts.keys()], counts: Int32Array.from(counts.values()) });
});
