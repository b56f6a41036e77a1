/** Each command's usage, shown by `papers <command> --help` and under its usage errors. */
export const USAGE: Record<string, string> = {
  ingest: `papers ingest <file|dir|->... [--format F] [--date YYYY-MM-DD] [--json]
  Parse and store digests: files, directories (recursively, in name order) or - for stdin.
  --format F          skip detection (${'hf-digest-text, hf-api, arxiv-rss, arxiv-atom, arxiv-jsonl, arxiv-kaggle'})
  --date YYYY-MM-DD   the digest date (text digests only say "Apr 22")
  --json              the documented JSON summary on stdout
  Exit 1 when any input failed (the others are still stored), 2 for a usage error.`,
  parse: `papers parse <file|-> [--format F] [--date YYYY-MM-DD] [--json]
  Parse one input and print its papers; stores nothing.`,
  search: `papers search <topic...> [--since D] [--until D] [--has-code] [--min-upvotes N] [--source S]
              [--limit N] [--page N] [--json]
  papers search - --json        one query per line on stdin, one JSON line per answer
  The flags take the same values as /papers search in chat (limit 1-25, page 1-1000, real dates).`,
  similar: `papers similar <id> [--limit N] [--page N] [--json]
  Papers like the given one, best first.`,
  recommend: `papers recommend <id>... [--not <id>...] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--limit N] [--page N] [--json]
  Papers like the given ones (and unlike the --not ones) among papers whose digest date is in the range.
  --json prints the papers search --json schema, with "because" (the shared words) on each result.
  Unknown ids are named and skipped; exit 2 when every liked id is unknown.`,
  trends: `papers trends [--out FILE.png] [--weeks N] [--end YYYY-MM-DD]
  Draw the week's trends picture (rising topics, papers per day by source) to a PNG and print its path.`,
  export: `papers export --user U [--workspace W] [--platform slack|discord|local] [--format F] [--tag T] [--unread] [--out FILE]
  One person's bookmarks with their notes and tags. Formats: bibtex, markdown, csv, ris, csl-json.`,
  show: `papers show <id> [--json]
  One stored paper in full.`,
  stats: `papers stats [--json]
  Papers and digests in the store, and the latest digests. Works on a read-only DATA_DIR.`,
  'migrate-store': `papers migrate-store --to postgres://…
  Copy DATA_DIR's SQLite store into an empty PostgreSQL database.`,
};

export const HELP = `papers — the papers-bot command line (data in DATA_DIR, default ./data)

${Object.values(USAGE)
  .map((u) => `  ${u.split('\n')[0]}`)
  .join('\n')}

  papers <command> --help       that command in detail
  papers --version

Formats: hf-digest-text, hf-api, arxiv-rss, arxiv-atom, arxiv-jsonl, arxiv-kaggle (detected from the content).`;

