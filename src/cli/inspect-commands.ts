import { parseArgs } from 'node:util';
import { ParseError } from '../core/errors.js';
import { readAtMost, readInputFile, sizeLimitError } from '../core/ingest.js';
import { parseLazily, type Core } from '../core/open-core.js';
import { listAuthors } from '../core/cards.js';
import { bestLink } from '../core/paper.js';
import type { Format } from '../core/parse/ports.js';
import { counted } from '../core/thousands.js';
import { UsageError } from './ingest-command.js';
import { type CliIo, writeJson } from './io.js';
import { FORMAT_NAMES, validDate } from './shared-options.js';

/**
 * `papers parse <file|-> [--format F] [--date D] [--json]`: parse only, store nothing.
 * --json prints { "file", "format", "digestDate", "papers": Paper[], "warnings": string[] }.
 */
export async function parseCommand(argv: string[], io: CliIo, maxFileBytes: number): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string' }, date: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('parse: name exactly one file (or - for stdin)');
  if (values.format && !FORMAT_NAMES.includes(values.format as Format)) {
    throw new UsageError(`parse: unknown --format ${values.format} (one of: ${FORMAT_NAMES.join(', ')})`);
  }
  if (values.date !== undefined && !validDate(values.date)) throw new UsageError(`parse: --date ${values.date} is not a date (YYYY-MM-DD)`);
  // The same limit as ingest: parse is how people check a file before ingesting it.
  let content: Buffer;
  if (file === '-') {
    const read = await readAtMost(io.stdin, maxFileBytes);
    if (!read) {
      io.stderr.write(`papers: ${sizeLimitError('stdin', undefined, maxFileBytes)}\n`);
      return 1;
    }
    content = read;
  } else {
    const read = await readInputFile(file, maxFileBytes);
    if (!read.ok) {
      io.stderr.write(`papers: ${read.error}\n`);
      return 1;
    }
    content = read.content;
  }
  try {
    const r = await parseLazily(content, { format: values.format as Format | undefined, date: values.date, fileName: file });
    if (values.json) {
      writeJson(io, { file, format: r.format, digestDate: r.digestDate ?? null, papers: r.papers, warnings: r.warnings });
    } else {
      io.stdout.write(`${file}: ${r.format}, ${r.digestDate ?? 'no date'}, ${counted(r.papers.length, 'paper')}\n`);
      r.papers.forEach((p, i) => io.stdout.write(`${String(i + 1).padStart(3)}. ${p.title} [${p.id}]\n`));
      for (const w of r.warnings) io.stderr.write(`papers: warning: ${w}\n`);
    }
    return 0;
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    io.stderr.write(`papers: ${file}: ${err.message}\n`);
    return 1;
  }
}

/** `papers show <id> [--json]`: --json prints the StoredPaper record. */
export async function showCommand(argv: string[], io: CliIo, core: Core): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  const id = positionals.join(' ').trim();
  if (!id) throw new UsageError('show: give a paper id (e.g. 2401.12345)');
  const p = (await core.store.getPaper(id)) ?? (await core.store.findByTitle(id, 1))[0];
  if (!p) {
    io.stderr.write(`papers: no paper with id or title "${id}"\n`);
    return 1;
  }
  if (values.json) writeJson(io, p);
  else {
    const lines = [
      p.title,
      `id: ${p.id}${p.upvotes !== undefined ? `   upvotes: ${p.upvotes}` : ''}`,
      `authors: ${listAuthors(p.authors)}`,
      `digests: ${p.digestDates.join(', ') || 'none'}   sources: ${p.sources.join(', ')}`,
      bestLink(p) ? `link: ${bestLink(p)}` : '',
      p.links.length ? `links: ${p.links.join(' ')}` : '',
      '',
      p.abstract || '(no abstract)',
    ];
    io.stdout.write(`${lines.filter((l, i) => l || i === 6).join('\n')}\n`);
  }
  return 0;
}

/** `papers stats [--json]`: --json prints { "papers", "digests", "latestDigests": [{source,date,paperCount}] }. */
export async function statsCommand(argv: string[], io: CliIo, core: Pick<Core, 'store'>): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
  const s = await core.store.stats();
  const latest = (await core.store.listDigests({ limit: 5 })).map((d) => ({ source: d.source, date: d.date, paperCount: d.paperCount }));
  if (values.json) writeJson(io, { ...s, latestDigests: latest });
  else {
    io.stdout.write(`${counted(s.papers, 'paper')} in ${counted(s.digests, 'digest')}\n`);
    for (const d of latest) io.stdout.write(`  ${d.date}  ${d.source}  ${counted(d.paperCount, 'paper')}\n`);
  }
  return 0;
}
