import { describe, expect, it } from 'vitest';
import type { NewRun } from '../../../src/core/digest/digest-store.js';
import { useBackends } from './backends.js';

const backends = useBackends();

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const claim = (owner: string, nowS: number, leaseS = 60) => ({ owner, now: at(nowS), leaseUntil: at(nowS + leaseS), platforms: ['slack' as const] });

const run = (channelId: string): NewRun => ({
  platform: 'slack',
  channelId,
  slot: at(0),
  status: 'planned',
  plan: { header: 'h', paperIds: ['p1'] },
  entryCursor: null,
  advanceCursor: false,
  createdAt: at(0),
});

describe.each(backends)('digest-run claims handed back before their lease runs out ($name)', (b) => {
  it('releaseClaims hands back every unfinished run of one claimant (a clean shutdown); another claims them at once', async () => {
    const a = await b.open();
    const other = await b.reopen(a);
    await a.digests.createRuns(['C1', 'C2', 'C3', 'C4'].map(run));
    const mine = [(await a.digests.claimRun(claim('A', 0)))!, (await a.digests.claimRun(claim('A', 0)))!];
    const theirs = (await other.digests.claimRun(claim('B', 0)))!;
    const done = (await a.digests.claimRun(claim('A', 0)))!;
    await a.digests.setStatus(done.id, 'done', undefined, at(1));
    expect((await a.digests.liveClaims('A', at(1))).map((r) => r.id)).toEqual(mine.map((r) => r.id));
    // Lapsed leases are not live.
    expect(await a.digests.liveClaims('A', at(61))).toEqual([]);

    // Only A's unfinished runs: B's stays B's, the finished one keeps its record.
    expect(await a.digests.releaseClaims('A')).toBe(2);
    expect(await a.digests.liveClaims('A', at(1))).toEqual([]);
    expect(await a.digests.renewClaim(mine[0].id, claim('A', 2))).toBe(false);
    const retaken = [await other.digests.claimRun(claim('B', 2)), await other.digests.claimRun(claim('B', 2))];
    expect(retaken.map((r) => r?.id).sort()).toEqual(mine.map((r) => r.id).sort());
    expect(await other.digests.renewClaim(theirs.id, claim('B', 3))).toBe(true);
    expect(await a.digests.releaseClaims('A')).toBe(0);
  });

  it('a claimant never takes back a run it holds, however late its lease; another claimant still takes it over', async () => {
    const a = await b.open();
    const other = await b.reopen(a);
    await a.digests.createRuns([run('C1'), { ...run('C1'), slot: at(60) }, run('C2')]);
    // A 1 s lease, and A's worker still posting at 5 s (a Slack pacing wait, a slow post).
    const held = (await a.digests.claimRun(claim('A', 0, 1)))!;
    expect(held.channelId).toBe('C1');
    const c2 = (await a.digests.claimRun(claim('A', 0, 1)))!;
    expect(c2.channelId).toBe('C2');
    await a.digests.setStatus(c2.id, 'done', undefined, at(1));
    // A asks again (another worker of the same process): neither the held run nor C1's next one.
    expect(await a.digests.claimRun(claim('A', 5))).toBeUndefined();
    expect(await a.digests.renewClaim(held.id, claim('A', 5))).toBe(true);
    // Past the renewed lease, another claimant (A's host or A itself may be gone) takes it over.
    expect(await other.digests.claimRun(claim('B', 30))).toBeUndefined();
    expect((await other.digests.claimRun(claim('B', 66)))?.id).toBe(held.id);
    expect(await a.digests.renewClaim(held.id, claim('A', 67))).toBe(false);
  });

  it('a run handed back after a failed attempt is claimable again, by anyone, only from the time given', async () => {
    const a = await b.open();
    const other = await b.reopen(a);
    await a.digests.createRuns([run('C1'), { ...run('C1'), slot: at(60) }]);
    const failed = (await a.digests.claimRun(claim('A', 0)))!;
    await a.digests.releaseClaim(failed.id, 'A', at(60));
    expect(await a.digests.liveClaims('A', at(1))).toEqual([]);
    // Until then the channel waits, its next run included, as under a lease.
    expect(await other.digests.claimRun(claim('B', 30))).toBeUndefined();
    expect(await a.digests.claimRun(claim('A', 30))).toBeUndefined();
    expect((await a.digests.claimRun(claim('A', 61)))?.id).toBe(failed.id);
  });

  it('releaseGoneClaims frees the runs of gone claimants only, without waiting for their leases', async () => {
    const a = await b.open();
    await a.digests.createRuns(['C1', 'C2', 'C3'].map(run));
    const dead = [(await a.digests.claimRun(claim('host:111:aa', 0, 600)))!, (await a.digests.claimRun(claim('host:111:aa', 0, 600)))!];
    const alive = (await a.digests.claimRun(claim('host:222:bb', 0, 600)))!;
    // Every lease still runs: nothing to claim.
    expect(await a.digests.claimRun(claim('host:333:cc', 1))).toBeUndefined();
    const asked: string[] = [];
    const freed = await a.digests.releaseGoneClaims((owner) => (asked.push(owner), owner === 'host:111:aa'));
    expect(freed).toBe(2);
    expect(asked.sort()).toEqual(['host:111:aa', 'host:222:bb']);
    const taken = [await a.digests.claimRun(claim('host:333:cc', 1)), await a.digests.claimRun(claim('host:333:cc', 1))];
    expect(taken.map((r) => r?.id).sort()).toEqual(dead.map((r) => r.id).sort());
    expect(await a.digests.claimRun(claim('host:333:cc', 1))).toBeUndefined();
    expect((await a.digests.liveClaims('host:222:bb', at(1))).map((r) => r.id)).toEqual([alive.id]);
    // Nothing gone: nothing freed.
    expect(await a.digests.releaseGoneClaims(() => false)).toBe(0);
  });
});
