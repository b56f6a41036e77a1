import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { shardOf, type StoredMessage } from '../../fakes/discord/payloads.js';
import { startBotProcess, type BotProcess } from '../../helpers/bot-process.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Body = { type: number; data?: { content?: string; embeds?: Array<{ title?: string; footer?: { text: string } }>; components?: Array<{ components: Array<{ custom_id: string; label?: string }> }> } };

/**
 * Two real bot processes (src/main.ts) against one fake Discord, each owning one of two shards
 * (DISCORD_SHARD_IDS=0 / 1, DISCORD_SHARD_COUNT=2) and sharing one DATA_DIR. The fake gateway
 * routes every guild event to the session of the shard that owns the guild, as Discord does.
 */
describe('Discord sharded across two instances', () => {
  let fake: FakeDiscord;
  let dataDir: string;
  const bots: BotProcess[] = [];
  const people = [
    { id: '611111111111111111', username: 'ada' },
    { id: '622222222222222222', username: 'grace' },
  ];

  beforeAll(async () => {
    fake = await startFakeDiscord({ shardCount: 2 });
    dataDir = mkdtempSync(join(tmpdir(), 'papers-shards-'));
    const env = (shard: number) => ({
      DATA_DIR: dataDir,
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_SHARD_IDS: String(shard),
      DISCORD_SHARD_COUNT: '2',
    });
    // One after the other: the first ingests the sample digest into the empty shared store.
    for (const shard of [0, 1]) {
      const bot = startBotProcess(env(shard));
      bots.push(bot);
      await bot.waitForLog((l) => l.msg === 'discord ready', 60_000, `'discord ready' from the shard ${shard} instance`);
    }
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.stop()));
    await fake?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const answer = (token: string) => fake.waitForCall((c) => c.path.includes(`/${token}`), 20_000);
  /** Log lines of `bot` that mention `value` anywhere. */
  const logsOf = (bot: BotProcess, value: string) => bot.lines.filter((l) => typeof l === 'object' && JSON.stringify(l).includes(value));

  it('each instance identifies only its own shard with the shared count and gets only its guild', async () => {
    const identifies = fake.gatewayRecords.filter((r) => r.op === 2);
    expect(identifies.map((r) => [r.shard, r.shardCount]).sort()).toEqual([[0, 2], [1, 2]]);
    const ready = await Promise.all(bots.map((b) => b.waitForLog((l) => l.msg === 'discord ready')));
    expect(ready.map((r) => [r.shardIds, r.guilds])).toEqual([[[0], 1], [[1], 1]]);
    expect(fake.guilds.map((g) => shardOf(g.id, 2))).toEqual([0, 1]);
  });

  it('both instances answer slash commands, each for the guilds of its shard', async () => {
    for (const [shard, guild] of fake.guilds.entries()) {
      const user = people[shard];
      const i = fake.slash(['search'], [{ name: 'topic', type: 3, value: 'language models' }], { guild, user });
      const body = (await answer(i.token)).body as Body;
      expect([4, 5]).toContain(body.type);
      // The command was logged by the instance owning the guild's shard, and only there.
      await bots[shard].waitForLog((l) => l.msg === 'command' && l.userId === user.id, 10_000);
      expect(logsOf(bots[1 - shard], user.id)).toEqual([]);
    }
  });

  it('🔖 on a paper shared in a shard-1 guild is handled by the shard-1 instance and bookmarks it', async () => {
    const guild = fake.guilds[1];
    const user = people[1];
    const search = fake.slash(['search'], [{ name: 'topic', type: 3, value: 'agents' }], { guild, user });
    await answer(search.token);
    const results = fake.messages.get(`original:${search.token}`) as StoredMessage;
    const share = (results.components as NonNullable<Body['data']>['components'])!.flatMap((r) => r.components).find((c) => c.label === 'Share 1');
    expect(share, 'a Share 1 button').toBeTruthy();
    const click = fake.button(share!.custom_id, results, { guild, user });
    expect(JSON.stringify((await answer(click.token)).body)).toMatch(/Shared/);
    const posted = [...fake.messages.values()].find((m) => m.channel_id === guild.channelIds[0] && !m.webhook_id);
    expect(posted).toBeTruthy();
    const paperId = (posted!.embeds[0] as { footer: { text: string } }).footer.text.split(' · ')[0];

    fake.reaction(true, posted!.id, { guild, user });
    const handled = await bots[1].waitForLog((l) => l.msg === 'reaction' && l.kind === 'bookmark' && l.messageId === posted!.id, 10_000);
    expect(handled.paperId).toBe(paperId);
    expect(logsOf(bots[0], posted!.id)).toEqual([]);

    const list = fake.slash(['bookmarks'], [], { guild, user });
    expect(JSON.stringify((await answer(list.token)).body)).toContain(paperId);
  });
});
