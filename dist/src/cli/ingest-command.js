import { parseArgs } from "node:util";
import { readAtMost, sizeLimitError } from "../core/ingest.js";
import { expandInputs } from "./expand-inputs.js";
import { writeJson } from "./io.js";
import { createProgress } from "./progress.js";
import { FORMAT_NAMES, validDate } from "./shared-options.js";
async function ingestCommand(argv, io, core, maxFileBytes) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: "string" }, date: { type: "string" }, json: { type: "boolean", default: false } }
  });
  if (!positionals.length) throw new UsageError("ingest: name at least one file, directory or - (stdin)");
  const format = values.format;
  if (format && !FORMAT_NAMES.includes(format)) {
    throw new UsageError(`ingest: unknown --format ${format} (one of: ${FORMAT_NAMES.join(", ")})`);
  }
  if (values.date !== void 0 && !validDate(values.date)) {
    throw new UsageError(`ingest: --date ${values.date} is not a date (YYYY-MM-DD)`);
  }
  const files = await expandInputs(positionals);
  const progress = files.length > 5 && !values.json ? createProgress(files.length) : void 0;
  const results = [];
  for (const file of files) {
    const opts = { format, date: values.date, sync: false };
    const r = file === "-" ? await ingestStdin(io.stdin, opts, core, maxFileBytes) : await core.ingest.ingestFile(file, opts);
    results.push(r);
    if (!r.ok && !values.json) {
      progress?.end();
      io.stderr.write(`papers: ${r.error}
`);
    }
    progress?.tick(file);
  }
  progress?.end();
  await core.search.sync();
  const totals = { files: results.length, failed: 0, papers: 0, new: 0, merged: 0, unchanged: 0 };
  for (const r of results) {
    if (!r.ok) totals.failed++;
    else {
      totals.papers += r.papers;
      totals.new += r.counts.new;
      totals.merged += r.counts.merged;
      totals.unchanged += r.counts.unchanged;
    }
  }
  if (values.json) {
    writeJson(io, {
      files: results.map(
        (r) => r.ok ? {
          file: r.origin,
          ok: true,
          format: r.format,
          digestDate: r.digestDate ?? null,
          papers: r.papers,
          new: r.counts.new,
          merged: r.counts.merged,
          unchanged: r.counts.unchanged,
          warnings: r.warnings
        } : { file: r.origin, ok: false, error: r.error }
      ),
      totals
    });
  } else {
    io.stdout.write(
      `${totals.files} file(s): ${totals.papers} papers read \u2014 ${totals.new} new, ${totals.merged} merged, ${totals.unchanged} unchanged; ${totals.failed} failed
`
    );
  }
  return totals.failed ? 1 : 0;
}
async function ingestStdin(stdin, opts, core, maxBytes) {
  const origin = "stdin";
  const content = await readAtMost(stdin, maxBytes);
  if (!content) return { ok: false, origin, error: sizeLimitError(origin, void 0, maxBytes) };
  return core.ingest.ingestBuffer(content, { ...opts, origin });
}
class UsageError extends Error {
  name = "UsageError";
}
export {
  UsageError,
  ingestCommand
};
//# sourceMappingURL=ingest-command.js.map
