import type { Migration } from './index.js';

/**
 * Finding a paper by title asks for the first paper (by seq) under a title key, and ingest asks it
 * for a whole batch of keys at once (sqlite/paper-store.ts). With seq and id in the index that is
 * one index entry per key, not a read of every paper with that title (bench corpora repeat a
 * title tenfold, so at 100k papers the reads were a fifth of the ingest). It replaces the index on
 * title_key alone, which is its prefix. PostgreSQL reads a batch's titles in one query already.
 */
export const titleKeySeq013: Migration = {
  version: 13,
  name: 'title key index with seq and id',
  sql: `
    CREATE INDEX papers_title_key_seq ON papers(title_key, seq, id);
    DROP INDEX papers_title_key;
  `,
};
