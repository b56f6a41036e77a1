import { describe, it, expect } from 'vitest';
import { caller, expectedTop, setup, timedPublisher } from './helpers.js';

// Thu 2026-03-05 → Thu 2026-03-12 (UTC). New York springs forward on Sun 2026-03-08 at 02:00,
// so its 02:30 slot does not exist that day; Berlin stays on CET all week.
const START = '2026-03-05T00:00:00.000Z';
const END = Date.parse('2026-03-12T00:00:00.000Z');
// One HF day ingested each weekday evening at 22:00Z (the dates of the files do not matter).
const INGESTS: Record<string, string> = {
  '2026-03-05T22:00:00.000Z': '2025-06-10',
  '2026-03-06T22:00:00.000Z': '2025-06-11',
  '2026-03-09T22:00:00.000Z': '2025-06-12',
  '2026-03-10T22:00:00.000Z': '2025-06-13',
  '2026-03-11T22:00:00.000Z': '2025-06-16',
};

describe('a simulated week, two channels in two time zones, across a DST change', () => {
  it('posts exactly the expected digests at the expected instants, once each', async () => {
    const t = await setup(START);
    try {
      const pub = timedPublisher(t.clock);
      t.engine.setPublisher(pub);
      await t.ingest('2025-06-09'); // what was there before the week
      await t.engine.subscribe(caller('BER'), { time: '09:00', tz: 'Europe/Berlin', days: 'mon-fri', top: 3 });
      await t.engine.subscribe(caller('NYC'), { time: '02:30', tz: 'America/New_York', top: 2, announceEmpty: true });

      for (let ms = Date.parse(START); ms < END; ms += 5 * 60_000) {
        // Every 5 minutes: all slots of this week fall on such a minute.
        t.clock.set(new Date(ms));
        const iso = new Date(ms).toISOString();
        if (INGESTS[iso]) await t.ingest(INGESTS[iso]!);
        await t.engine.tick();
      }

      const digests = (ch: string) => {
        const out: Array<{ at: string; header: string; papers: string[] }> = [];
        for (const s of pub.sent.filter((x) => x.channelId === ch)) {
          if (!s.paperId) out.push({ at: s.at, header: s.text, papers: [] });
          else {
            expect(out.at(-1)!.at).toBe(s.at); // papers follow their header at once (no pacing here)
            out.at(-1)!.papers.push(s.paperId);
          }
        }
        return out;
      };

      const ber = digests('BER');
      const postedBer = new Set<string>();
      const expBer = (date: string) => {
        const ids = expectedTop(date, 3, postedBer);
        ids.forEach((id) => postedBer.add(id));
        return ids;
      };
      expect(ber.map((d) => d.at)).toEqual([
        '2026-03-05T08:00:00.000Z',
        '2026-03-06T08:00:00.000Z',
        '2026-03-09T08:00:00.000Z',
        '2026-03-10T08:00:00.000Z',
        '2026-03-11T08:00:00.000Z',
      ]);
      expect(ber.map((d) => d.papers)).toEqual([expBer('2025-06-09'), expBer('2025-06-10'), expBer('2025-06-11'), expBer('2025-06-12'), expBer('2025-06-13')]);
      expect(ber[0]!.header).toMatch(/^📰 Papers of 2025-06-09 · Hugging Face Daily Papers · top 3 of \d+ new$/);

      const nyc = digests('NYC');
      const postedNyc = new Set<string>();
      const expNyc = (date: string) => {
        const ids = expectedTop(date, 2, postedNyc);
        ids.forEach((id) => postedNyc.add(id));
        return ids;
      };
      expect(nyc.map((d) => [d.at, d.papers.length ? 'digest' : d.header])).toEqual([
        ['2026-03-05T07:30:00.000Z', 'digest'],
        ['2026-03-06T07:30:00.000Z', 'digest'],
        ['2026-03-07T07:30:00.000Z', 'digest'],
        // Sunday: 02:30 does not exist in New York; posted once, at 03:30 EDT. Nothing new: one line.
        ['2026-03-08T07:30:00.000Z', 'No new papers since the last digest.'],
        // From Monday on, 02:30 EDT is 06:30Z.
        ['2026-03-09T06:30:00.000Z', 'No new papers since the last digest.'],
        ['2026-03-10T06:30:00.000Z', 'digest'],
        ['2026-03-11T06:30:00.000Z', 'digest'],
      ]);
      expect(nyc.filter((d) => d.papers.length).map((d) => d.papers)).toEqual([
        expNyc('2025-06-09'),
        expNyc('2025-06-10'),
        expNyc('2025-06-11'),
        expNyc('2025-06-12'),
        expNyc('2025-06-13'),
      ]);

      // Every post is mapped to its paper for 🔖 reactions, and no paper went twice to a channel.
      const rows = t.db().prepare('SELECT channel_id, message_id, paper_id FROM messages ORDER BY rowid').all() as Array<{ channel_id: string; message_id: string; paper_id: string }>;
      expect(rows.map((r) => [r.channel_id, r.message_id, r.paper_id])).toEqual(pub.sent.filter((s) => s.paperId).map((s) => [s.channelId, s.messageId, s.paperId]));
      for (const ch of ['BER', 'NYC']) {
        const ids = pub.sent.filter((s) => s.channelId === ch && s.paperId).map((s) => s.paperId);
        expect(new Set(ids).size).toBe(ids.length);
      }
    } finally {
      await t.close();
    }
  });
});
