import { parseArgs } from "node:util";
import { ParseError } from "../core/errors.js";
import { readAtMost, readInputFile, sizeLimitError } from "../core/ingest.js";
import { bestLink } from "../core/paper.js";
import { parseDigest } from "../core/parse/parse-digest.js";
import { UsageError } from "./ingest-command.js";
import { writeJson } from "./io.js";
import { FORMAT_NAMES, validDate } from "./shared-options.js";
async function parseCommand(argv, io, maxFileBytes) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string" }, date: { type: "string" }, json: { type: "boolean", default: false } }
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError("parse: name exactly one file (or - for stdin)");
  if (values.format && !FORMAT_NAMES.includes(values.format)) {
    throw new UsageError(`parse: unknown --format ${values.format} (one of: ${FORMAT_NAMES.join(", ")})`);
  }
  if (values.date !== void 0 && !validDate(values.date)) throw new UsageError(`parse: --date ${values.date} is not a date (YYYY-MM-DD)`);
  let content;
  if (file === "-") {
    const read = await readAtMost(io.stdin, maxFileBytes);
    if (!read) {
      io.stderr.write(`papers: ${sizeLimitError("stdin", void 0, maxFileBytes)}
`);
      return 1;
    }
    content = read;
  } else {
    const read = await readInputFile(file, maxFileBytes);
    if (!read.ok) {
      io.stderr.write(`papers: ${read.error}
`);
      return 1;
    }
    content = read.content;
  }
  try {
    const r = parseDigest(content, { format: values.format, date: values.date, fileName: file });
    if (values.json) {
      writeJson(io, { file, format: r.format, digestDate: r.digestDate ?? null, papers: r.papers, warnings: r.warnings });
    } else {
      io.stdout.write(`${file}: ${r.format}, ${r.digestDate ?? "no date"}, ${r.papers.length} papers
`);
      r.papers.forEach((p, i) => io.stdout.write(`${String(i + 1).padStart(3)}. ${p.title} [${p.id}]
`));
      for (const w of r.warnings) io.stderr.write(`papers: warning: ${w}
`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    io.stderr.write(`papers: ${file}: ${err.message}
`);
    return 1;
  }
}
async function showCommand(argv, io, core) {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean", default: false } } });
  const id = positionals.join(" ").trim();
  if (!id) throw new UsageError("show: give a paper id (e.g. 2401.12345)");
  const p = await core.store.getPaper(id) ?? (await core.store.findByTitle(id, 1))[0];
  if (!p) {
    io.stderr.write(`papers: no paper with id or title "${id}"
`);
    return 1;
  }
  if (values.json) writeJson(io, p);
  else {
    const lines = [
      p.title,
      `id: ${p.id}${p.upvotes !== void 0 ? `   upvotes: ${p.upvotes}` : ""}`,
      `authors: ${p.authors.join(", ") || "unknown"}`,
      `digests: ${p.digestDates.join(", ") || "none"}   sources: ${p.sources.join(", ")}`,
      bestLink(p) ? `link: ${bestLink(p)}` : "",
      p.links.length ? `links: ${p.links.join(" ")}` : "",
      "",
      p.abstract || "(no abstract)"
    ];
    io.stdout.write(`${lines.filter((l, i) => l || i === 6).join("\n")}
`);
  }
  return 0;
}
async function statsCommand(argv, io, core) {
  const { values } = parseArgs({ args: argv, options: { json: { type: "boolean", default: false } } });
  const s = await core.store.stats();
  const latest = (await core.store.listDigests({ limit: 5 })).map((d) => ({ source: d.source, date: d.date, paperCount: d.paperCount }));
  if (values.json) writeJson(io, { ...s, latestDigests: latest });
  else {
    io.stdout.write(`${s.papers} papers in ${s.digests} digests
`);
    for (const d of latest) io.stdout.write(`  ${d.date}  ${d.source}  ${d.paperCount} papers
`);
  }
  return 0;
}
export {
  parseCommand,
  showCommand,
  statsCommand
};
//# sourceMappingURL=inspect-commands.js.map
