import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/core/clock.js';
import { createRetentionSweep, MESSAGE_RETENTION_DAYS } from '../../../src/core/bookmarks/message-retention.js';
import { silentLogger } from '../../../src/core/logger.js';
import { useBackends } from '../store/backends.js';

const caller = { platform: 'slack' as const, channelId: 'C1' };

describe.each(useBackends())('messages table retention ($name)', (backend) => {
  it('the daily sweep drops chat cards older than the retention, keeps digest posts and recent cards', async () => {
    const clock = createFakeClock('2026-01-01T12:00:00Z');
    const storage = await backend.open({ clock });
    const papers = ['2401.00001', '2401.00002', '2401.00003'].map((id) => ({ id, arxivId: id, title: `Paper ${id}`, abstract: 'a', authors: [], links: [], keywords: [], categories: [], source: 'hf-api' as const, flags: [] as [] }));
    await storage.papers.ingest({ source: 'hf-api', digestDate: '2026-01-01', papers });
    // Day 0: 200 search cards and one digest post.
    for (let i = 0; i < 200; i++) await storage.bookmarks.recordMessage({ ...caller, messageId: `card-${i}` }, '2401.00001');
    const at = clock.now().toISOString();
    await storage.bookmarks.recordMessage({ ...caller, messageId: 'digest-1' }, '2401.00002');
    await backend.sql(storage, `INSERT INTO posts (platform, channel_id, paper_id, run_id, message_id, posted_at) VALUES ('slack', 'C1', '2401.00002', NULL, 'digest-1', '${at}')`);
    const rows = async () => Number((await backend.sql(storage, 'SELECT COUNT(*) AS n FROM messages'))[0]!.n);
    const sweep = createRetentionSweep({ store: storage.retention, clock, logger: silentLogger });
    expect(await sweep.tick()).toBe(0);
    expect(await rows()).toBe(201);

    clock.advance((MESSAGE_RETENTION_DAYS + 1) * 86_400_000);
    await storage.bookmarks.recordMessage({ ...caller, messageId: 'card-new' }, '2401.00003');
    expect(await sweep.tick()).toBe(200);
    expect(await rows()).toBe(2);
    expect(await storage.bookmarks.paperForMessage({ ...caller, messageId: 'card-0' })).toBeUndefined();
    expect(await storage.bookmarks.paperForMessage({ ...caller, messageId: 'digest-1' })).toBe('2401.00002');
    expect(await storage.bookmarks.paperForMessage({ ...caller, messageId: 'card-new' })).toBe('2401.00003');
    // Once a day: a second tick the same day does nothing.
    await storage.bookmarks.recordMessage({ ...caller, messageId: 'card-later' }, '2401.00003');
    expect(await sweep.tick()).toBe(0);
  });
});
