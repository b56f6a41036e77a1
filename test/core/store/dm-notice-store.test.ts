import { describe, expect, it } from 'vitest';
import { useBackends } from './backends.js';

const alice = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' };
const bob = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U2' };
const aliceElsewhere = { platform: 'discord' as const, workspaceId: 'T1', userId: 'U1' };

// The same contract on both storage backends (SQLite, and the test PostgreSQL server).
describe.each(useBackends())('DmNoticeStore: $name', (backend) => {
  it('keeps one notice per reader, shown once: take returns it and removes it', async () => {
    const s = (await backend.open()).dmNotices;
    await s.add({ ...alice, reason: 'permanent failure: slack: cannot_dm_bot', createdAt: '2026-01-05T10:00:00.000Z' });
    await s.add({ ...bob, reason: 'bob’s reason', createdAt: '2026-01-05T10:00:00.000Z' });
    expect(await s.take(aliceElsewhere)).toBeUndefined();
    expect(await s.take(alice)).toEqual({ ...alice, reason: 'permanent failure: slack: cannot_dm_bot', createdAt: '2026-01-05T10:00:00.000Z' });
    expect(await s.take(alice)).toBeUndefined();
    expect((await s.take(bob))?.reason).toBe('bob’s reason');
  });

  it('a second pause replaces the first notice; clear forgets it', async () => {
    const s = (await backend.open()).dmNotices;
    await s.add({ ...alice, reason: 'first', createdAt: '2026-01-05T10:00:00.000Z' });
    await s.add({ ...alice, reason: 'second', createdAt: '2026-01-06T10:00:00.000Z' });
    expect(await s.take(alice)).toMatchObject({ reason: 'second', createdAt: '2026-01-06T10:00:00.000Z' });
    await s.add({ ...alice, reason: 'third', createdAt: '2026-01-07T10:00:00.000Z' });
    await s.clear(alice);
    await s.clear(bob);
    expect(await s.take(alice)).toBeUndefined();
  });

  it('is shared by every instance on the same data', async () => {
    const a = await backend.open();
    const b = await backend.reopen(a);
    await a.dmNotices.add({ ...alice, reason: 'gone', createdAt: '2026-01-05T10:00:00.000Z' });
    expect((await b.dmNotices.take(alice))?.reason).toBe('gone');
    expect(await a.dmNotices.take(alice)).toBeUndefined();
  });
});
