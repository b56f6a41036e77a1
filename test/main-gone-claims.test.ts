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

describe('SIGKILL of one of two bot processes on the same host (src/main.ts on one PostgreSQL)', () => {
  it('the survivor sees the claimant process is gone and takes its runs over without waiting for the lease', { timeout: 300_000 }, async () => {
    pair = await startMainPair({ databaseUrl: await schema(), channels: CHANNELS, top: TOP, leaseSeconds: LEASE_SECONDS });
    const p = pair;
    await until(() => p.posts().length >= 15, 'the first posts', 120_000);
    const { victim, survivor, orphaned } = await p.holders();
    expect(orphaned.length).toBeGreaterThan(0);
    const exited = new Promise<void>((r) => victim.child.once('exit', () => r()));
    victim.child.kill('SIGKILL');
    await exited;

    await until(() => p.allDone(), 'every run done by the survivor', 120_000);
    const runs = await p.query<{ id: number; claimed_by: string }>('SELECT id, claimed_by FROM digest_runs');
    for (const id of orphaned) expect(Number(runs.find((r) => r.id === id)?.claimed_by.split(':')[1])).toBe(survivor.child.pid);
    await survivor.waitForLog((l) => l.msg === 'digest runs of a gone instance freed; taking them over', 1000);
    // Every channel complete; a double is only a message in flight at the kill (sent, not yet recorded).
    let doubles = 0;
    for (const channel of p.channels) {
      const texts = p.posts().filter((c) => c.channel === channel).map((c) => c.text);
      expect(new Set(texts).size).toBe(TOP + 1);
      doubles += texts.length - new Set(texts).size;
    }
    expect(doubles).toBeLessThanOrEqual(orphaned.length);
  });
});
