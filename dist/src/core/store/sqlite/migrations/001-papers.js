const papers001 = {
  version: 1,
  name: "papers and digests",
  sql: `
    CREATE TABLE papers (
      id           TEXT PRIMARY KEY,
      arxiv_id     TEXT,
      title        TEXT NOT NULL,
      abstract     TEXT NOT NULL,
      authors      TEXT NOT NULL,  -- JSON array
      links        TEXT NOT NULL,  -- JSON array
      keywords     TEXT NOT NULL,  -- JSON array
      categories   TEXT NOT NULL,  -- JSON array
      upvotes      INTEGER,
      published_at TEXT,
      digest_dates TEXT NOT NULL,  -- JSON array, ascending
      sources      TEXT NOT NULL,  -- JSON array
      flags        TEXT NOT NULL,  -- JSON array
      title_key    TEXT NOT NULL,  -- normalized title, to find a paper by title
      seq          INTEGER NOT NULL,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL
    );
    CREATE UNIQUE INDEX papers_seq ON papers(seq);
    CREATE INDEX papers_title_key ON papers(title_key);
    CREATE INDEX papers_upvotes ON papers(upvotes);

    CREATE TABLE digests (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      source      TEXT NOT NULL,
      date        TEXT NOT NULL,
      origin      TEXT,
      ingested_at TEXT NOT NULL,
      UNIQUE (source, date)
    );

    -- entry_id only grows: "entries since N" is what arrived after N, whatever the digest's date.
    CREATE TABLE digest_papers (
      entry_id  INTEGER PRIMARY KEY AUTOINCREMENT,
      digest_id INTEGER NOT NULL REFERENCES digests(id),
      paper_id  TEXT NOT NULL REFERENCES papers(id),
      position  INTEGER NOT NULL,
      UNIQUE (digest_id, paper_id)
    );
    CREATE INDEX digest_papers_paper ON digest_papers(paper_id);
  `
};
export {
  papers001
};
//# sourceMappingURL=001-papers.js.map
