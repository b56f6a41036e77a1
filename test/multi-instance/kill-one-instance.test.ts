import { afterEach, describe, expect, it } from 'vitest';
import { usePostgresSchemas } from '../helpers/postgres.js';
import { startCluster, until, type Cluster } from './cluster.js';

const schema = usePostgresSchemas();
let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

const TOP = 5;

describe('two bot processes on one PostgreSQL, one killed with SIGKILL mid-posting', () => {
  it('every channel gets its digest once; the survivor finishes the dead one’s runs; doubles only in flight', { timeout: 240_000 }, async () => {
    cluster = await startCluster({ databaseUrl: await schema(), instances: 2, channels: 30, leaseMs: 3000 });
    const { fake, instances } = cluster;
    const posts = () => fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
    await cluster.subscribeAll(TOP);
    // Mid-posting: some posts out, and the instance to kill still holds unfinished runs.
    await until(() => posts().length >= 20, 'the first posts');
    const held = await cluster.query<{ claimed_by: string; n: number }>(
      `SELECT claimed_by, COUNT(*)::int AS n FROM digest_runs WHERE status IN ('planned', 'posting') AND claimed_by IS NOT NULL GROUP BY claimed_by ORDER BY n DESC`,
    );
    const victim = instances.find((i) => i.id === held[0]?.claimed_by)!;
    const survivor = instances.find((i) => i !== victim)!;
    expect(victim).toBeDefined();
    const orphaned = (await cluster.query<{ id: number }>(`SELECT id FROM digest_runs WHERE claimed_by = $1 AND status IN ('planned', 'posting')`, [victim.id])).map((r) => r.id);
    victim.child.kill('SIGKILL');
    const killedAt = performance.now();

    await until(async () => (await cluster!.query(`SELECT 1 FROM digest_runs WHERE status <> 'done'`)).length === 0 && (await cluster!.query('SELECT 1 FROM digest_runs')).length === 30, 'every run done', 90_000);

    // Every channel: its header and every planned paper posted, nothing missing.
    const runs = await cluster.query<{ id: number; channel_id: string; plan: string; claimed_by: string }>('SELECT id, channel_id, plan, claimed_by FROM digest_runs');
    expect(runs).toHaveLength(30);
    let doubles = 0;
    for (const run of runs) {
      const plan = JSON.parse(run.plan) as { header: string; paperIds: string[] };
      expect(plan.paperIds.length).toBe(TOP);
      const texts = posts().filter((c) => c.body.channel === run.channel_id).map((c) => String(c.body.text));
      const distinct = new Set(texts);
      expect(distinct.size).toBe(TOP + 1);
      doubles += texts.length - distinct.size;
      const recorded = await cluster.query<{ paper_id: string }>('SELECT paper_id FROM posts WHERE platform = $1 AND channel_id = $2', ['slack', run.channel_id]);
      expect(new Set(recorded.map((r) => r.paper_id))).toEqual(new Set(plan.paperIds));
    }
    // A double is a message in flight when the process died (sent, not yet recorded): at most one per run it held.
    expect(doubles).toBeLessThanOrEqual(orphaned.length);
    // The survivor took over and finished every run the dead instance held.
    expect(orphaned.length).toBeGreaterThan(0);
    for (const id of orphaned) expect(runs.find((r) => r.id === id)?.claimed_by).toBe(survivor.id);
    // No post at all in the orphaned channels before the lease ran out... only after it (takeover).
    const orphanChannels = new Set(runs.filter((r) => orphaned.includes(r.id)).map((r) => r.channel_id));
    const afterKill = posts().filter((c) => orphanChannels.has(String(c.body.channel)) && c.at > killedAt);
    expect(afterKill.length).toBeGreaterThan(0);
    console.log(`kill test: ${orphaned.length} runs taken over, ${doubles} doubled message(s), first takeover post ${Math.round(Math.min(...afterKill.map((c) => c.at)) - killedAt)} ms after the kill`);
  });
});
