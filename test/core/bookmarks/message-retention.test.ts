import { describe, expect, it } from 'vitest';
import { createBot } from '../../../src/bot.js';
import { createFakeClock } from '../../../src/core/clock.js';
import { MESSAGE_RETENTION_DAYS } from '../../../src/core/bookmarks/message-retention.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const caller = { platform: 'slack' as const, channelId: 'C1' };

describe('messages table retention', () => {
  it('the daily sweep drops chat cards older than the retention, keeps digest posts and recent cards', async () => {
    const clock = createFakeClock('2026-01-01T12:00:00Z');
    const bot = await createBot({ dataDir: tempDir(), clock });
    try {
      const papers = ['2401.00001', '2401.00002', '2401.00003'].map((id) => ({ id, arxivId: id, title: `Paper ${id}`, abstract: 'a', authors: [], links: [], keywords: [], categories: [], source: 'hf-api' as const, flags: [] as [] }));
      await bot.store.ingest({ source: 'hf-api', digestDate: '2026-01-01', papers });
      // Day 0: 200 search cards and one digest post.
      for (let i = 0; i < 200; i++) await bot.chat.recordMessage(caller, `card-${i}`, '2401.00001');
      bot.db.prepare(`INSERT INTO messages (platform, channel_id, message_id, paper_id, created_at) VALUES ('slack', 'C1', 'digest-1', '2401.00002', ?)`).run(clock.now().toISOString());
      bot.db.prepare(`INSERT INTO posts (platform, channel_id, paper_id, run_id, message_id, posted_at) VALUES ('slack', 'C1', '2401.00002', NULL, 'digest-1', ?)`).run(clock.now().toISOString());
      const rows = () => (bot.db.prepare('SELECT COUNT(*) AS n FROM messages').get() as { n: number }).n;
      expect(await bot.retention.tick()).toBe(0);
      expect(rows()).toBe(201);

      clock.advance((MESSAGE_RETENTION_DAYS + 1) * 86_400_000);
      await bot.chat.recordMessage(caller, 'card-new', '2401.00003');
      expect(await bot.retention.tick()).toBe(200);
      expect(rows()).toBe(2);
      expect(await bot.bookmarks.paperForMessage({ ...caller, messageId: 'card-0' })).toBeUndefined();
      expect(await bot.bookmarks.paperForMessage({ ...caller, messageId: 'digest-1' })).toBe('2401.00002');
      expect(await bot.bookmarks.paperForMessage({ ...caller, messageId: 'card-new' })).toBe('2401.00003');
      // Once a day: a second tick the same day does nothing.
      await bot.chat.recordMessage(caller, 'card-later', '2401.00003');
      expect(await bot.retention.tick()).toBe(0);
    } finally {
      await bot.close();
    }
  });
});
