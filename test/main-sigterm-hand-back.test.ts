import { afterEach, describe, expect, it } from 'vitest';
import { until } from './multi-instance/cluster.js';
import { startMainPair, type MainPair } from './helpers/main-instances.js';
import { usePostgresSchemas } from './helpers/postgres.js';

const schema = usePostgresSchemas();
let pair: MainPair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

const CHANNELS = 10;
const TOP = 5;
/** Far longer than the test waits: a takeover that happens did not wait for the lease. */
const LEASE_SECONDS = 900;

describe('SIGTERM to one of two bot processes mid-posting (src/main.ts on one PostgreSQL)', () => {
  it('hands its digest runs back: the other instance finishes them at once, nothing doubled or lost', { timeout: 300_000 }, async () => {
    pair = await startMainPair({ databaseUrl: await schema(), channels: CHANNELS, top: TOP, leaseSeconds: LEASE_SECONDS });
    const p = pair;
    await until(() => p.posts().length >= 15, 'the first posts', 120_000);
    const { victim, survivor, orphaned } = await p.holders();
    expect(orphaned.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((r) => victim.child.once('exit', (code) => r(code)));
    victim.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    // Well inside the lease: only a hand-back lets the survivor finish these runs now.
    await until(() => p.allDone(), 'every run done by the survivor', 120_000);
    expect(victim.lines.some((l) => typeof l === 'object' && l.msg === 'digest runs handed back for another instance to finish')).toBe(true);
    const runs = await p.query<{ id: number; channel_id: string; claimed_by: string }>('SELECT id, channel_id, claimed_by FROM digest_runs');
    for (const id of orphaned) expect(Number(runs.find((r) => r.id === id)?.claimed_by.split(':')[1])).toBe(survivor.child.pid);
    // Every channel: the header and each paper once. The post in flight at SIGTERM was sent and recorded before the hand-back.
    let doubles = 0;
    for (const channel of p.channels) {
      const texts = p.posts().filter((c) => c.channel === channel).map((c) => c.text);
      expect(new Set(texts).size).toBe(TOP + 1);
      doubles += texts.length - new Set(texts).size;
    }
    expect(doubles).toBe(0);
  });
});
