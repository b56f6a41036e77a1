import { describe, expect, it } from 'vitest';
import type { NewRun } from '../../../src/core/digest/digest-store.js';
import type { Storage } from '../../../src/core/store/storage.js';
import { useBackends } from './backends.js';

const backends = useBackends();

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();
const claim = (owner: string, nowS: number, leaseS = 60) => ({ owner, now: at(nowS), leaseUntil: at(nowS + leaseS), platforms: ['slack' as const] });

const run = (channelId: string, slot = at(0)): NewRun => ({
  platform: 'slack',
  channelId,
  slot,
  status: 'planned',
  plan: { header: 'h', paperIds: ['p1'] },
  entryCursor: 7,
  advanceCursor: true,
  createdAt: at(0),
});

async function subscribed(s: Storage, ...channels: string[]) {
  for (const c of channels) await s.digests.upsert({ platform: 'slack', workspaceId: 'T1', channelId: c, settings: { time: '09:00', tz: 'UTC' } as never, now: at(-3600) });
}

describe.each(backends)('digest store shared by several instances ($name)', (b) => {
  it('a slot planned by two instances at once gets one run, and the cursor moves once', async () => {
    const a = await b.open();
    const c = await b.reopen(a);
    await subscribed(a, 'C1', 'C2');
    const [x, y] = await Promise.all([a.digests.createRuns([run('C1'), run('C2')]), c.digests.createRuns([run('C1'), run('C2')])]);
    const created = [...x, ...y].filter(Boolean);
    expect(created).toHaveLength(2);
    expect(new Set(created.map((r) => r!.channelId))).toEqual(new Set(['C1', 'C2']));
    expect((await a.digests.get('slack', 'C1'))?.entryCursor).toBe(7);
    expect(await a.digests.unfinishedRuns()).toHaveLength(2);
  });

  it('a claimed run is posted by its claimant only, and taken over once the lease runs out', async () => {
    const a = await b.open();
    const c = await b.reopen(a);
    await subscribed(a, 'C1');
    const created = await a.digests.createRun(run('C1'));
    const mine = await a.digests.claimRun(claim('A', 0));
    expect(mine?.id).toBe(created!.id);
    expect(await c.digests.claimRun(claim('B', 30))).toBeUndefined();
    // A renews before each post: still its run at 50 s, now until 110 s.
    expect(await a.digests.renewClaim(mine!.id, claim('A', 50))).toBe(true);
    expect(await c.digests.claimRun(claim('B', 100))).toBeUndefined();
    // A goes silent; past its lease B takes the run over, and A can no longer renew it.
    const taken = await c.digests.claimRun(claim('B', 111));
    expect(taken?.id).toBe(created!.id);
    expect(await a.digests.renewClaim(mine!.id, claim('A', 112))).toBe(false);
    expect(await c.digests.renewClaim(mine!.id, claim('B', 112))).toBe(true);
    // A clean shutdown gives the run back at once.
    await c.digests.releaseClaim(mine!.id, 'B');
    expect((await a.digests.claimRun(claim('A', 113)))?.id).toBe(created!.id);
  });

  it('a channel with a run being posted has its next run wait, and finished runs are never claimed', async () => {
    const a = await b.open();
    await subscribed(a, 'C1');
    const first = await a.digests.createRun(run('C1', at(0)));
    const second = await a.digests.createRun(run('C1', at(60)));
    expect((await a.digests.claimRun(claim('A', 0)))?.id).toBe(first!.id);
    expect(await a.digests.claimRun(claim('B', 1))).toBeUndefined();
    await a.digests.setStatus(first!.id, 'done', undefined, at(2));
    expect((await a.digests.claimRun(claim('B', 3)))?.id).toBe(second!.id);
    await a.digests.setStatus(second!.id, 'done', undefined, at(4));
    expect(await a.digests.claimRun(claim('C', 1000))).toBeUndefined();
    expect(await a.digests.claimRun({ ...claim('C', 1000), platforms: ['discord'] })).toBeUndefined();
  });

  it('two instances claiming 30 runs at the same time claim each exactly once', async () => {
    const a = await b.open();
    const c = await b.reopen(a);
    const channels = Array.from({ length: 30 }, (_, i) => `C${i}`);
    await subscribed(a, ...channels);
    await a.digests.createRuns(channels.map((ch) => run(ch)));
    const got: Record<string, number[]> = { A: [], B: [] };
    const drain = async (s: Storage, owner: 'A' | 'B') => {
      for (let r = await s.digests.claimRun(claim(owner, 0)); r; r = await s.digests.claimRun(claim(owner, 0))) got[owner]!.push(r.id);
    };
    await Promise.all([drain(a, 'A'), drain(c, 'B'), drain(a, 'A'), drain(c, 'B')]);
    const all = [...got.A!, ...got.B!];
    expect(all).toHaveLength(30);
    expect(new Set(all).size).toBe(30);
  });

  it('posts: a paper is recorded once per channel, whoever records it', async () => {
    const a = await b.open();
    const c = await b.reopen(a);
    await subscribed(a, 'C1');
    const r = await a.digests.createRun(run('C1'));
    const post = { platform: 'slack' as const, channelId: 'C1', paperId: 'p1', runId: r!.id, messageId: 'm1', postedAt: at(1) };
    await a.digests.recordPost(post);
    await c.digests.recordPost({ ...post, messageId: 'm2' });
    expect(await c.digests.postedAmong('slack', 'C1', ['p1', 'p2'])).toEqual(new Set(['p1']));
    expect((await a.digests.postedByChannel(['p1'])).size).toBe(1);
  });

  it('a named lease is held by one instance until it lapses or is released', async () => {
    const a = await b.open();
    const c = await b.reopen(a);
    expect(await a.locks.acquire('sources', 'A', at(0), at(180))).toBe(true);
    expect(await c.locks.acquire('sources', 'B', at(60), at(240))).toBe(false);
    expect(await a.locks.acquire('sources', 'A', at(60), at(240))).toBe(true);
    expect(await c.locks.acquire('sources', 'B', at(200), at(380))).toBe(false);
    expect(await c.locks.acquire('sources', 'B', at(241), at(420))).toBe(true);
    expect(await a.locks.acquire('sources', 'A', at(242), at(422))).toBe(false);
    await c.locks.release('sources', 'B');
    expect(await a.locks.acquire('sources', 'A', at(243), at(423))).toBe(true);
  });
});
