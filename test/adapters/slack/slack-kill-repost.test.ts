import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSubscriptionSettings } from '../../../src/core/digest/subscription.js';
import { openCore } from '../../../src/core/open-core.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';

/**
 * The bot is killed (SIGKILL) the instant a digest post reaches Slack, before it hears back, four
 * times in a row; each restart resumes the interrupted runs. chat.postMessage has no idempotency
 * key, so without a look at the channel the post in flight is repeated on restart. The bot is a
 * real process: test/multi-instance/instance.ts (createBot + the real Slack adapter) on a SQLite
 * DATA_DIR, against the fake Slack, ticking every 250 ms.
 */

const ROOT = join(import.meta.dirname, '..', '..', '..');
const INSTANCE = join(ROOT, 'test', 'multi-instance', 'instance.ts');
const CHANNELS = Array.from({ length: 8 }, (_, i) => `C0KILL${i}`);
const TOP = 3;
const KILLS = 4;
/** Each life of the bot is killed at its 3rd post: during the first wave, when resumed runs post first. */
const KILL_AT = 3;

let fake: FakeSlack | undefined;
let dataDir: string | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  fake = dataDir = child = undefined;
});

function start(id: string, f: FakeSlack, dir: string): Promise<{ child: ChildProcess; stderr: () => string; exited: Promise<void> }> {
  const c = spawn(process.execPath, ['--import', 'tsx', INSTANCE], {
    cwd: ROOT,
    env: { ...process.env, INSTANCE_ID: id, DATA_DIR: dir, SLACK_API_URL: f.apiUrl, LEASE_MS: '3000', TICK_MS: '250', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = c;
  let err = '';
  c.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<void>((r) => c.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    c.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve({ child: c, stderr: () => err, exited });
    });
    c.once('exit', (code, signal) => reject(new Error(`bot ${id} ended (${code ?? signal}) before ready:\n${err}`)));
  });
}

async function until(check: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Slack digest posts when the bot is killed the instant a post reaches Slack', () => {
  it('four kills and restarts: every channel gets its digest once, nothing repeated, nothing missing', { timeout: 300_000 }, async () => {
    const f = (fake = await startFakeSlack());
    const dir = (dataDir = mkdtempSync(join(tmpdir(), 'papers-kill-repost-')));
    const seed = await openCore({ dataDir: dir });
    const ingested = await seed.ingest.ingestFile(join(ROOT, 'data', 'sample-digest.txt'));
    if (!ingested.ok) throw new Error(ingested.error);
    // Subscribed to the minute now running, from before it: the first tick plans every channel.
    const slot = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const settings = parseSubscriptionSettings({ time: slot.toISOString().slice(11, 16), tz: 'UTC', top: TOP });
    for (const channelId of CHANNELS) await seed.storage.digests.upsert({ platform: 'slack', workspaceId: 'T0FAKE', channelId, settings, now: new Date(slot.getTime() - 60_000).toISOString() });
    await seed.close();

    let life = 0;
    let postsThisLife = 0;
    // The kill happens inside the fake, once the message exists and before its answer is sent; the
    // answer is then held back for good, so the bot never learns the post's ts.
    f.holdAnswer = (call) => {
      if (call.method !== 'chat.postMessage' || life > KILLS || ++postsThisLife !== KILL_AT) return false;
      child?.kill('SIGKILL');
      return true;
    };
    const logs: string[] = [];
    for (life = 1; life <= KILLS; life++) {
      postsThisLife = 0;
      const bot = await start(`kill-${life}`, f, dir);
      await bot.exited;
      logs.push(bot.stderr());
    }
    const last = await start('survivor', f, dir);
    const db = peekSqlite(dir);
    const unfinished = () => (db.prepare(`SELECT COUNT(*) AS n FROM digest_runs WHERE status <> 'done'`).get() as { n: number }).n;
    const runs = () => (db.prepare('SELECT COUNT(*) AS n FROM digest_runs').get() as { n: number }).n;
    await until(() => runs() === CHANNELS.length && unfinished() === 0, 'every run done');
    last.child.kill('SIGTERM');
    await last.exited;
    logs.push(last.stderr());
    db.close();

    const posts = f.callsTo('chat.postMessage');
    let duplicates = 0;
    let missing = 0;
    for (const channelId of CHANNELS) {
      const texts = posts.filter((c) => c.body.channel === channelId).map((c) => String(c.body.text));
      const distinct = new Set(texts);
      duplicates += texts.length - distinct.size;
      missing += TOP + 1 - distinct.size;
    }
    const found = logs.join('').split('\n').filter((l) => l.includes('already in the channel')).length;
    console.log(`kill-repost: ${KILLS} kills, ${posts.length} posts, ${duplicates} duplicates, ${missing} missing, ${found} post(s) found already in the channel on restart`);
    expect({ duplicates, missing }).toEqual({ duplicates: 0, missing: 0 });
    // The window was really hit: restarts found posts the killed bot had never heard back about.
    expect(found).toBeGreaterThanOrEqual(KILLS);
    // Every digest post carries its marker.
    for (const c of posts) expect(c.body.metadata).toMatchObject({ event_type: 'papers_digest_post' });
  });
});
