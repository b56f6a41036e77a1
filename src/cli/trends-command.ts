/**
 * `papers trends [--out FILE.png] [--weeks N] [--end YYYY-MM-DD]`: draws the trends picture from
 * the store and writes it. The path goes to stdout (one line, for scripts), the text summary to
 * stderr. Bookmark counts are the local mode's workspace's.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Core } from '../core/open-core.js';
import { addDays } from '../core/trends/dates.js';
import { buildTrendsPost } from '../core/trends/trends-post.js';
import { UsageError } from './ingest-command.js';
import type { CliIo } from './io.js';
import { validDate } from './shared-options.js';

export async function trendsCliCommand(argv: string[], io: CliIo, core: Pick<Core, 'store' | 'trends'>, today: string): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, weeks: { type: 'string' }, end: { type: 'string' } }, strict: true });
  const weeks = values.weeks === undefined ? 4 : Number(values.weeks);
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 26) throw new UsageError(`--weeks needs a whole number from 1 to 26, not ${values.weeks}`);
  if (values.end !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(values.end) || !validDate(values.end))) throw new UsageError(`--end needs a real date as YYYY-MM-DD, not ${values.end}`);
  if (values.out !== undefined && !/\.png$/i.test(values.out)) throw new UsageError(`--out names a .png file, not ${values.out}`);
  let end = values.end;
  if (!end) {
    const latest = (await core.store.listDigests({ limit: 1 }))[0]?.date;
    if (!latest) {
      io.stderr.write('No digest has been ingested yet, so there are no trends to draw. Ingest some first: papers ingest <file>\n');
      return 1;
    }
    end = latest < today ? latest : today;
  }
  const post = await buildTrendsPost(core.trends, { end, weeks, workspace: { platform: 'local', workspaceId: 'local' } });
  io.stderr.write(`${post.text}\n`);
  if (!post.image) {
    io.stderr.write(`Nothing drawn: no papers in the week ${addDays(end, -6)} to ${end}.\n`);
    return 1;
  }
  const path = resolve(values.out ?? post.image.name);
  await writeFile(path, post.image.data);
  io.stdout.write(`${path}\n`);
  return 0;
}
