/**
 * Two real `src/main.ts` processes on one PostgreSQL schema and the fake Slack (HTTP mode, port 0),
 * with `channels` Slack channels due in the current minute: what the hand-back tests (SIGTERM,
 * same-host SIGKILL) drive. The lease is long (DIGEST_LEASE_SECONDS), so a takeover that happens at
 * all happened without waiting for it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterEach } from 'vitest';
import { parseSubscriptionSettings } from '../../src/core/digest/subscription.js';
import { openCore } from '../../src/core/open-core.js';
import { startFakeSlack, type FakeSlack } from '../fakes/slack/fake-slack.js';
import { until } from '../multi-instance/cluster.js';
import { startBotProcess, type BotProcess } from './bot-process.js';
import { usePostgresSchemas } from './postgres.js';

export interface MainPair {
  fake: FakeSlack;
  bots: BotProcess[];
  channels: string[];
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Successful chat.postMessage calls so far. */
  posts(): Array<{ channel: string; text: string; at: number }>;
  /** Waits until every channel's run exists, some posts are out and runs are still being posted. */
  midPosting(): Promise<void>;
  /** The bot holding the most unfinished runs, and the other one. */
  holders(): Promise<{ victim: BotProcess & { id: string }; survivor: BotProcess; orphaned: number[] }>;
  allDone(): Promise<boolean>;
  /** Pids of the processes holding these runs now. */
  claimantPids(runIds: number[]): Promise<number[]>;
  /** Ids of the runs not finished yet, and held by `owner` (or by no one) when given. */
  unfinished(owner?: string | null): Promise<number[]>;
  /** Channels missing their header or a paper, and messages posted more than once (over every channel). */
  completeness(): { incomplete: string[]; doubles: number };
  close(): Promise<void>;
}

/** The pid in an instance id (`host:pid:random`, runtime/instance-id.ts). */
const pidOf = (id: string) => Number(id.split(':')[1]);

export async function startMainPair(opts: { databaseUrl: string; channels: number; top: number; leaseSeconds: number }): Promise<MainPair> {
  const dirs: string[] = [];
  const tmp = () => {
    const d = mkdtempSync(join(tmpdir(), 'papers-main-pair-'));
    dirs.push(d);
    return d;
  };
  const fake = await startFakeSlack();
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 2 });
  const seed = await openCore({ dataDir: tmp(), databaseUrl: opts.databaseUrl });
  const bots: BotProcess[] = [];
  const close = async () => {
    for (const b of bots) if (b.child.exitCode === null && b.child.signalCode === null) b.child.kill('SIGKILL');
    await seed.close();
    await pool.end();
    await fake.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  };
  try {
    const r = await seed.ingest.ingestFile(resolve('data', 'sample-digest.txt'));
    if (!r.ok) throw new Error(r.error);
    const env = () => ({
      DATA_DIR: tmp(),
      DATABASE_URL: opts.databaseUrl,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: 'test-secret',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      DIGEST_LEASE_SECONDS: String(opts.leaseSeconds),
      SHUTDOWN_TIMEOUT_MS: '30000',
      LOG_LEVEL: 'info',
    });
    const listening = (b: BotProcess) => b.waitForLog((l) => l.msg === 'slack adapter listening', 120_000, `'slack adapter listening'`);
    // The first is up before the channels are due, so whichever claims the runs, the other is there.
    bots.push(startBotProcess(env()));
    await listening(bots[0]);
    const channels = Array.from({ length: opts.channels }, (_, i) => `C${String(i).padStart(3, '0')}`);
    // Not across a minute boundary: the first bot's minute tick would plan some channels and not others.
    if (Date.now() % 60_000 > 55_000) await new Promise((r) => setTimeout(r, 60_000 - (Date.now() % 60_000) + 200));
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const settings = parseSubscriptionSettings({ time: slot.toISOString().slice(11, 16), tz: 'UTC', top: opts.top });
    const before = new Date(slot.getTime() - 60_000).toISOString();
    await Promise.all(channels.map((channelId) => seed.storage.digests.upsert({ platform: 'slack', workspaceId: 'T1', channelId, settings, now: before })));
    // Its catch-up at start plans the due minute and begins posting.
    bots.push(startBotProcess(env()));
    await listening(bots[1]);
    const posts = () => fake.callsTo('chat.postMessage').filter((c) => c.status === 200).map((c) => ({ channel: String(c.body.channel), text: String(c.body.text), at: c.at }));
    const query = async <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => (await pool.query<T>(sql, params)).rows;
    return {
      fake,
      bots,
      channels,
      query,
      posts,
      async holders() {
        const held = await query<{ claimed_by: string; n: number }>(
          `SELECT claimed_by, COUNT(*)::int AS n FROM digest_runs WHERE status IN ('planned', 'posting') AND claimed_by IS NOT NULL GROUP BY claimed_by ORDER BY n DESC`,
        );
        if (!held[0]) throw new Error(`no unfinished claimed run: ${JSON.stringify(await query('SELECT id, channel_id, slot, status, claimed_by, lease_until FROM digest_runs'))} ${posts().length}`);
        const victim = bots.find((b) => b.child.pid === pidOf(held[0].claimed_by));
        if (!victim) throw new Error(`no bot process with the pid of ${held[0].claimed_by}`);
        const orphaned = (await query<{ id: number }>(`SELECT id FROM digest_runs WHERE claimed_by = $1 AND status IN ('planned', 'posting')`, [held[0].claimed_by])).map((r) => r.id);
        return { victim: Object.assign(victim, { id: held[0].claimed_by }), survivor: bots.find((b) => b !== victim)!, orphaned };
      },
      async midPosting() {
        const claimed = `SELECT COUNT(*)::int AS n, COUNT(*) FILTER (WHERE status IN ('planned', 'posting') AND claimed_by IS NOT NULL)::int AS held FROM digest_runs`;
        let seen = '';
        try {
          await until(async () => {
            const [r] = await query<{ n: number; held: number }>(claimed);
            seen = `${r.n} runs, ${r.held} held, ${posts().length} posts`;
            return r.n === opts.channels && r.held > 0 && posts().length >= 15;
          }, 'every run planned, the first posts out and runs still held', 150_000);
        } catch (err) {
          throw new Error(`${(err as Error).message} (last seen: ${seen})`);
        }
      },
      async unfinished(owner) {
        const rows = await query<{ id: number; claimed_by: string | null }>(`SELECT id, claimed_by FROM digest_runs WHERE status IN ('planned', 'posting')`);
        return rows.filter((r) => owner === undefined || r.claimed_by === owner).map((r) => r.id);
      },
      async claimantPids(runIds) {
        const rows = await query<{ claimed_by: string }>('SELECT claimed_by FROM digest_runs WHERE id = ANY($1)', [runIds]);
        return rows.map((r) => pidOf(r.claimed_by));
      },
      completeness() {
        const all = posts();
        let doubles = 0;
        const incomplete: string[] = [];
        for (const channel of channels) {
          const texts = all.filter((c) => c.channel === channel).map((c) => c.text);
          if (new Set(texts).size !== opts.top + 1) incomplete.push(channel);
          doubles += texts.length - new Set(texts).size;
        }
        return { incomplete, doubles };
      },
      async allDone() {
        const runs = await query<{ status: string }>('SELECT status FROM digest_runs');
        return runs.length === opts.channels && runs.every((r) => r.status === 'done');
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Two bot processes per test as above (10 channels, top 8: about 10 s of posting; a 15 min lease), closed after each test. */
export function useMainPair(): () => Promise<MainPair> {
  const schema = usePostgresSchemas();
  let pair: MainPair | undefined;
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });
  return async () => (pair = await startMainPair({ databaseUrl: await schema(), channels: 10, top: 8, leaseSeconds: 900 }));
}
