import { describe, expect, it } from 'vitest';
import { until } from './multi-instance/cluster.js';
import { useMainPair } from './helpers/main-instances.js';

// The lease (15 min) is far longer than the test waits: a takeover that happens did not wait for it.
const startPair = useMainPair();

describe('SIGTERM to one of two bot processes mid-posting (src/main.ts on one PostgreSQL)', () => {
  it('hands its digest runs back: the other instance finishes them at once, nothing doubled or lost', { timeout: 300_000 }, async () => {
    const p = await startPair();
    await p.midPosting();
    const { victim, survivor } = await p.holders();
    const exited = new Promise<number | null>((r) => victim.child.once('exit', (code) => r(code)));
    victim.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Handed back before it exited: none of its unfinished runs is still under its name (its lease would run 15 min).
    expect(await p.unfinished(victim.id)).toEqual([]);
    // What was left unfinished at its exit (it finished some runs before the signal; the survivor may have claimed some already).
    const orphaned = await p.unfinished();
    expect(orphaned.length).toBeGreaterThan(0);

    // Well inside the lease: only a hand-back lets the survivor finish these runs now.
    await until(() => p.allDone(), 'every run done by the survivor', 120_000);
    expect(new Set(await p.claimantPids(orphaned))).toEqual(new Set([survivor.child.pid]));
    // Every channel: the header and each paper once. The post in flight at SIGTERM was sent and recorded before the hand-back.
    expect(p.completeness()).toEqual({ incomplete: [], doubles: 0 });
  });
});
