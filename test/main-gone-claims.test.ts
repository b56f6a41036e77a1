import { describe, expect, it } from 'vitest';
import { until } from './multi-instance/cluster.js';
import { useMainPair } from './helpers/main-instances.js';

// The lease (15 min) is far longer than the test waits: a takeover that happens did not wait for it.
const startPair = useMainPair();

describe('SIGKILL of one of two bot processes on the same host (src/main.ts on one PostgreSQL)', () => {
  it('the survivor sees the claimant process is gone and takes its runs over without waiting for the lease', { timeout: 300_000 }, async () => {
    const p = await startPair();
    await p.midPosting();
    // A bot claims a run as it starts posting it, so it may hold only one, and finish it between
    // the read of who holds what and the kill (then it leaves nothing to take over). Frozen first
    // (SIGSTOP: the process is still there, so the other does not take over), it keeps what it
    // holds; if it held nothing by then, it goes on and another moment is tried.
    let pair = await p.holders();
    for (let tries = 1; tries < 50; tries++) {
      pair.victim.child.kill('SIGSTOP');
      if ((await p.unfinished(pair.victim.id)).length) break;
      pair.victim.child.kill('SIGCONT');
      await new Promise((r) => setTimeout(r, 20));
      pair = await p.holders();
    }
    const { victim, survivor } = pair;
    const exited = new Promise<void>((r) => victim.child.once('exit', () => r()));
    victim.child.kill('SIGKILL');
    await exited;
    // What it left unfinished under its name, with 15 minutes of lease to run.
    const orphaned = await p.unfinished(victim.id);
    expect(orphaned.length).toBeGreaterThan(0);

    await until(() => p.allDone(), 'every run done by the survivor', 120_000);
    expect(new Set(await p.claimantPids(orphaned))).toEqual(new Set([survivor.child.pid]));
    await survivor.waitForLog((l) => l.msg === 'digest runs of a gone instance freed; taking them over', 1000);
    // Every channel complete; a double is only a message in flight at the kill (sent, not yet recorded).
    const { incomplete, doubles } = p.completeness();
    expect(incomplete).toEqual([]);
    expect(doubles).toBeLessThanOrEqual(orphaned.length);
  });
});
