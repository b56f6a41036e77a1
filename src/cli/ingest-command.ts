import { parseArgs } from 'node:util';
import { readAtMost, sizeLimitError } from '../core/ingest.js';
import type { Core } from '../core/open-core.js';
import type { IngestOptions, IngestOutcome } from '../core/ingest-ports.js';
import type { StoreFollower } from '../core/search/ports.js';
import type { Format } from '../core/parse/ports.js';
import { counted, thousands } from '../core/thousands.js';
import { expandInputs } from './expand-inputs.js';
import { type CliIo, writeJson } from './io.js';
import { createProgress } from './progress.js';
import { FORMAT_NAMES, validDate } from './shared-options.js';

/**
 * `papers ingest <file|dir|->... [--format F] [--date YYYY-MM-DD] [--json]`
 *
 * --json prints: { "files": [ { "file", "ok", "format"?, "digestDate"?, "papers"?, "new"?, "merged"?,
 *   "unchanged"?, "warnings"?, "error"? } ], "totals": { "files", "failed", "papers", "new", "merged", "unchanged" } }
 * Exit code 1 when any file failed (the others are still ingested), 2 for a usage error.
 */
export async function ingestCommand(argv: string[], io: CliIo, core: Core, maxFileBytes: number): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (!positionals.length) throw new UsageError('ingest: name at least one file, directory or - (stdin)');
  const format = values.format as Format | undefined;
  if (format && !FORMAT_NAMES.includes(format)) {
    throw new UsageError(`ingest: unknown --format ${format} (one of: ${FORMAT_NAMES.join(', ')})`);
  }
  if (values.date !== undefined && !validDate(values.date)) {
    throw new UsageError(`ingest: --date ${values.date} is not a date (YYYY-MM-DD)`);
  }
  const files = await expandInputs(positionals);
  const progress = files.length > 5 && !values.json ? createProgress(files.length) : undefined;
  const results: IngestOutcome[] = [];
  // Into an empty index, many inputs are indexed while the next ones are stored (follow-store.ts),
  // from the input after which the store holds enough papers for it to pay.
  let follower: StoreFollower | undefined;
  try {
    for (const [i, file] of files.entries()) {
      const opts = { format, date: values.date, sync: false };
      const r = file === '-' ? await ingestStdin(io.stdin, opts, core, maxFileBytes) : await core.ingest.ingestFile(file, opts);
      results.push(r);
      if (r.ok && r.counts.changedIds.length) {
        // Not after the last input: nothing would be stored meanwhile.
        if (i < files.length - 1) follower ??= await core.search.followIngest?.();
        follower?.moved();
      }
      if (!r.ok && !values.json) {
        progress?.end();
        io.stderr.write(`papers: ${r.error}\n`);
      }
      progress?.tick(file);
    }
  } catch (err) {
    // Its thread would keep the process alive: ended first (it indexes what was stored, ends its load).
    await follower?.end();
    throw err;
  }
  progress?.end();
  // Once for the whole run, not once per file; a large archive (1M papers: minutes) shows a bar.
  const indexing = values.json ? undefined : createProgress(0);
  const indexed = (done: number, total: number) => indexing?.set(done, total, 'papers indexed for search');
  await follower?.end(indexed);
  await core.search.sync(indexed);
  indexing?.end();

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
      files: results.map((r) =>
        r.ok
          ? {
              file: r.origin,
              ok: true,
              format: r.format,
              digestDate: r.digestDate ?? null,
              papers: r.papers,
              new: r.counts.new,
              merged: r.counts.merged,
              unchanged: r.counts.unchanged,
              warnings: r.warnings,
            }
          : { file: r.origin, ok: false, error: r.error },
      ),
      totals,
    });
  } else {
    io.stdout.write(
      `${counted(totals.files, 'file')}: ${counted(totals.papers, 'paper')} read — ${thousands(totals.new)} new, ${thousands(totals.merged)} merged, ` +
        `${thousands(totals.unchanged)} unchanged; ${thousands(totals.failed)} failed\n`,
    );
  }
  return totals.failed ? 1 : 0;
}

async function ingestStdin(stdin: NodeJS.ReadableStream, opts: Omit<IngestOptions, 'origin'>, core: Core, maxBytes: number): Promise<IngestOutcome> {
  const origin = 'stdin';
  // Checked while reading: a runaway pipe must not be held in memory whole before it is refused.
  const content = await readAtMost(stdin, maxBytes);
  if (!content) return { ok: false, origin, error: sizeLimitError(origin, undefined, maxBytes) };
  return core.ingest.ingestBuffer(content, { ...opts, origin });
}

export class UsageError extends Error {
  override name = 'UsageError' as const;
}
