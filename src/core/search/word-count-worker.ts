/**
 * The word-count worker thread's entry (see count-words-in-worker.ts): counts the vocabulary of each
 * batch of papers it is sent, in order, and answers with the words and their paper counts as the
 * writer stores them (wordsJson): the sorting and the JSON are done here, off the writing thread.
 */
import { parentPort } from 'node:worker_threads';
import { countWords } from './count-words.js';
import { indexedFields, wordsJson, type IndexedText } from './indexed-words.js';

const port = parentPort!;
port.on('message', (papers: IndexedText[]) => {
  port.postMessage(wordsJson(countWords(papers.map(indexedFields))));
});
