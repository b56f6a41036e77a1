import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportFile, type ExportFormat } from '../core/bookmarks/export.js';
import type { Core } from '../core/open-core.js';
import { tagKey } from '../core/reading/rules.js';
import type { Caller } from '../core/reply.js';
import { counted } from '../core/thousands.js';
import { UsageError } from './ingest-command.js';
import type { CliIo } from './io.js';

const PLATFORMS: ReadonlyArray<Caller['platform']> = ['slack', 'discord', 'local'];

/**
 * `papers export --user U [--workspace W] [--platform P] [--format F] [--tag T] [--unread] [--out FILE]`:
 * one person's bookmarks with their notes and tags, as the chat export makes them, to stdout or a file.
 * Bookmarks belong to (platform, workspace, user): the local mode's are `--platform local --workspace local`.
 */
export async function exportCommand(argv: string[], io: CliIo, core: Pick<Core, 'store' | 'reading'>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      user: { type: 'string' },
      workspace: { type: 'string' },
      platform: { type: 'string', default: 'slack' },
      format: { type: 'string', default: 'bibtex' },
      tag: { type: 'string' },
      unread: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  });
  if (positionals.length) throw new UsageError(`export: unexpected '${positionals.join(' ')}' (every option is a --flag)`);
  if (!values.user) throw new UsageError('export: say whose bookmarks with --user <user id> (and --workspace <team or guild id>)');
  const platform = values.platform as Caller['platform'];
  if (!PLATFORMS.includes(platform)) throw new UsageError(`export: unknown --platform ${values.platform} (one of: ${PLATFORMS.join(', ')})`);
  const format = values.format as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`export: unknown --format ${values.format} (one of: ${EXPORT_FORMATS.join(', ')})`);
  const workspace = values.workspace ?? (platform === 'local' ? 'local' : undefined);
  if (!workspace) throw new UsageError(`export: --workspace is needed on ${platform} (the Slack team id or Discord guild id)`);

  const owner = { platform, workspaceId: workspace, userId: values.user };
  const { paperIds } = await core.reading.listBookmarks(owner, {
    limit: 1_000_000,
    order: 'oldest',
    tagKey: values.tag ? tagKey(values.tag) : undefined,
    unreadOnly: values.unread,
  });
  if (!paperIds.length) {
    io.stderr.write(`no bookmarks for ${platform} user ${values.user} in workspace ${workspace}${values.tag || values.unread ? ' matching the filter' : ''}\n`);
    return 1;
  }
  const papers = await core.store.getPapers(paperIds);
  const file = exportFile(papers, format, new Date().toISOString().slice(0, 10), await core.reading.annotations(owner, paperIds));
  if (values.out) {
    await writeFile(values.out, file.content);
    io.stderr.write(`wrote ${counted(papers.length, 'bookmark')} as ${format} to ${values.out}\n`);
  } else io.stdout.write(file.content);
  return 0;
}
