import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import type { Caller } from '../../src/core/reply.js';
import { HF_FIXTURE, PREF, SSM } from '../commands/reading-env.js';
import { runPapers } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const ann: Caller = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U_ANN', isAdmin: false };

/** A data dir where Ann bookmarked two fixture papers, one with a note and tags. */
async function seeded(): Promise<string> {
  const dir = tempDir();
  const bot = await createBot({ dataDir: dir });
  const outcome = await bot.ingest.ingestFile(HF_FIXTURE);
  if (!outcome.ok) throw new Error(outcome.error);
  await bot.chat.handleText(`note ${PREF} for the reading group`, ann);
  await bot.chat.handleText(`tag ${PREF} rl to-cite`, ann);
  await bot.chat.handleAction({ kind: 'bookmark', paperId: SSM }, ann);
  await bot.close();
  return dir;
}

describe('papers export', () => {
  it("writes one person's bookmarks with notes and tags, filtered, to stdout or a file", async () => {
    const dir = await seeded();
    const ris = await runPapers(['export', '--user', 'U_ANN', '--workspace', 'T1', '--format', 'ris'], dir);
    expect(ris.code).toBe(0);
    const items = (await Cite.async(ris.out, { forceType: '@ris/file' })).data as Array<{ note?: string; keyword?: string; number?: string }>;
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.note)).toMatchObject({ note: 'for the reading group' });
    expect(items.find((i) => i.note)!.keyword!.split(/,\s*/)).toEqual(['rl', 'to-cite']);

    const out = join(dir, 'mine.json');
    const csl = await runPapers(['export', '--user', 'U_ANN', '--workspace', 'T1', '--format', 'csl-json', '--tag', 'TO-CITE', '--out', out], dir);
    expect(csl).toMatchObject({ code: 0, out: '' });
    expect(csl.err).toContain(`wrote 1 bookmark as csl-json to ${out}`);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Array<{ number: string }>).map((i) => i.number)).toEqual([PREF]);
  });

  it('bad flags are usage errors (exit 2); nobody with bookmarks is exit 1 with a message', async () => {
    const dir = await seeded();
    expect(await runPapers(['export', '--workspace', 'T1'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('--user') });
    expect(await runPapers(['export', '--user', 'U_ANN'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('--workspace is needed on slack') });
    expect(await runPapers(['export', '--user', 'U_ANN', '--workspace', 'T1', '--format', 'pdf'], dir)).toMatchObject({ code: 2, err: expect.stringContaining('unknown --format pdf (one of: bibtex, markdown, csv, ris, csl-json)') });
    expect(await runPapers(['export', '--user', 'U_ANN', '--workspace', 'T1', '--platform', 'irc'], dir)).toMatchObject({ code: 2 });
    expect(await runPapers(['export', '--user', 'U_BOB', '--workspace', 'T1'], dir)).toMatchObject({ code: 1, out: '', err: expect.stringContaining('no bookmarks for slack user U_BOB') });
  });
});
