import { describe, it, expect } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { parseSubscriptionSettings } from '../../../src/core/digest/subscription.js';
import { caller, expectedTop, hfPapers, setup, timedPublisher } from './helpers.js';

describe('subscription settings', () => {
  it('defaults and normalises', () => {
    expect(parseSubscriptionSettings({ time: '9:05', tz: 'utc' })).toEqual({
      time: '09:05', tz: 'UTC', cron: undefined, days: undefined, top: 5, topics: { include: [], exclude: [] }, minUpvotes: undefined, sources: undefined, announceEmpty: false,
    });
    const s = parseSubscriptionSettings({ cron: '30 8 * * 1-5', timezone: 'Asia/Tokyo', topics: 'Model Merging, agents, -survey', 'min-upvotes': '10', sources: 'hf-api,arxiv-rss', 'announce-empty': 'yes' });
    expect(s).toMatchObject({ cron: '30 8 * * 1-5', tz: 'Asia/Tokyo', topics: { include: ['model merging', 'agents'], exclude: ['survey'] }, minUpvotes: 10, sources: ['hf-api', 'arxiv-rss'], announceEmpty: true });
  });

  const bad: Array<[Record<string, unknown>, RegExp]> = [
    [{ time: '09:00', tz: 'Mars/Olympus_Mons' }, /unknown time zone "Mars\/Olympus_Mons"/],
    [{ time: '25:00', tz: 'UTC' }, /invalid time "25:00"/],
    [{ time: 'nine', tz: 'UTC' }, /invalid time "nine"/],
    [{ cron: '61 9 * * *' }, /invalid cron expression "61 9 \* \* \*": minute 61 is out of range/],
    [{ cron: '0 9 * *' }, /5 fields/],
    [{ cron: '* * * * *' }, /more than 24 times a day/],
    [{ cron: '0 9 * * *', time: '09:00' }, /either --time or --cron/],
    [{ time: '09:00', days: 'someday' }, /invalid --days "someday"/],
    [{ top: 0 }, /--top must be a whole number from 1 to 25, not 0/],
    [{ top: 10000 }, /not 10000/],
    [{ top: 'many' }, /--top/],
    [{ 'min-upvotes': -3 }, /--min-upvotes/],
    [{ sources: 'twitter' }, /unknown source twitter/],
    [{ colour: 'blue' }, /unknown setting --colour/],
  ];
  for (const [input, message] of bad) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      expect(() => parseSubscriptionSettings(input)).toThrow(UserError);
      expect(() => parseSubscriptionSettings(input)).toThrow(message);
    });
  }
});

describe('the digest service', () => {
  it('subscribe validates, stores nothing on bad input and needs an admin', async () => {
    const t = await setup('2026-03-02T08:00:00.000Z');
    try {
      await expect(t.engine.subscribe(caller('C'), { time: '09:00', tz: 'Europe/Berlinn' })).rejects.toThrow(/unknown time zone "Europe\/Berlinn"/);
      await expect(t.engine.subscribe(caller('C', 'slack', false), { time: '09:00' })).rejects.toThrow(/only an admin/);
      expect((await t.engine.list(caller('C'))).text).toMatch(/No channel here has a digest/);
      const r = await t.engine.subscribe(caller('C'), { time: '09:00', tz: 'Europe/Berlin', days: 'mon-fri' });
      expect(r.text).toBe('Subscribed: 09:00 Europe/Berlin, Mon–Fri, top 5. Next digest: Tue 2026-03-03 09:00 Europe/Berlin.');
      expect((await t.engine.list(caller('D'))).text).toMatch(/^Digest subscriptions \(1\):\n• C: 09:00 Europe\/Berlin/);
      expect((await t.engine.unsubscribe(caller('C'))).text).toMatch(/^Unsubscribed/);
      expect((await t.engine.unsubscribe(caller('C'))).text).toMatch(/had no digest subscription/);
    } finally {
      await t.close();
    }
  });

  it("a new channel's first digest is the most recent ingested digest, whatever its date", async () => {
    const t = await setup('2026-03-02T08:00:00.000Z');
    try {
      await t.ingest('2025-06-10');
      await t.ingest('2025-06-09'); // ingested last, but older: the newest digest date wins
      await t.engine.subscribe(caller('NEW'), { time: '09:00', tz: 'UTC', top: 3 });
      const pub = timedPublisher(t.clock);
      t.engine.setPublisher(pub);
      t.clock.set('2026-03-02T09:00:00.000Z');
      await t.engine.tick();
      expect(pub.sent.map((s) => s.paperId)).toEqual([undefined, ...expectedTop('2025-06-10', 3, new Set())]);
      // Nothing arrived since: the next day is silent.
      t.clock.set('2026-03-03T09:00:00.000Z');
      await t.engine.tick();
      expect(pub.sent).toHaveLength(4);
    } finally {
      await t.close();
    }
  });

  it('topics keep matching papers, ranked, and negative keywords exclude', async () => {
    const t = await setup('2026-03-02T08:00:00.000Z');
    try {
      for (const d of ['2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13']) await t.ingest(d);
      await t.engine.subscribe(caller('ALL'), { time: '09:00', tz: 'UTC', top: 25, topics: 'reasoning' });
      await t.engine.subscribe(caller('NEG'), { time: '09:00', tz: 'UTC', top: 25, topics: 'reasoning, -math, -mathematical' });
      const pub = timedPublisher(t.clock);
      t.engine.setPublisher(pub);
      // First digests take the most recent digest only (2025-06-13); widen to every day for this test.
      t.db().prepare('UPDATE subscriptions SET entry_cursor = 0').run();
      t.clock.set('2026-03-02T09:00:00.000Z');
      await t.engine.tick();
      const text = new Map([...['09', '10', '11', '12', '13'].flatMap((d) => hfPapers(`2025-06-${d}`))].map((p) => [p.id, `${p.title} ${p.summary}`]));
      const got = (ch: string) => pub.sent.filter((s) => s.channelId === ch && s.paperId).map((s) => s.paperId!);
      const all = got('ALL');
      const neg = got('NEG');
      expect(all.length).toBeGreaterThan(5);
      for (const id of all) expect(text.get(id)).toMatch(/reason/i);
      // Topics stem words as the search does (Porter): "-mathematical" also drops "mathematics".
      const mathWord = /\bmath(ematical|ematics)?\b/i;
      const withMath = all.filter((id) => mathWord.test(text.get(id)!));
      expect(withMath.length).toBeGreaterThan(0);
      // NEG is ALL without the math papers, topped up (top 25) from further down the ranking.
      const kept = all.filter((id) => !withMath.includes(id));
      expect(neg.slice(0, kept.length)).toEqual(kept);
      for (const id of neg) expect(text.get(id)).not.toMatch(mathWord);
      expect(pub.sent.find((s) => s.channelId === 'NEG' && !s.paperId)!.text).toMatch(/topics: reasoning, -math, -mathematical$/);
    } finally {
      await t.close();
    }
  });

  it('minimum upvotes and preview (which records nothing), then runNow posts the same', async () => {
    const t = await setup('2026-03-02T08:00:00.000Z');
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C'), { time: '09:00', tz: 'UTC', top: 25, minUpvotes: 30 });
      const pub = timedPublisher(t.clock);
      t.engine.setPublisher(pub);
      const expected = hfPapers('2025-06-10').filter((p) => p.upvotes >= 30).sort((a, b) => b.upvotes - a.upvotes).map((p) => p.id);
      expect(expected.length).toBeGreaterThan(0);
      const preview = await t.engine.preview(caller('C'));
      expect(preview.cards!.map((c) => c.paperId)).toEqual(expected);
      expect(preview.ephemeral).toBe(true);
      expect(pub.sent).toEqual([]);
      const r = await t.engine.runNow(caller('C'));
      expect(r.text).toBe(`Posted ${expected.length} papers to this channel.`);
      expect(pub.sent.filter((s) => s.paperId).map((s) => s.paperId)).toEqual(expected);
      expect(pub.sent[1]!.text).toMatch(/^1\/\d+ .+ \(▲ \d+\) — https:\/\/arxiv\.org\/abs\//);
      // The scheduled slot then has nothing new: nothing is posted (no empty header).
      t.clock.set('2026-03-02T09:00:00.000Z');
      await t.engine.tick();
      expect(pub.sent).toHaveLength(expected.length + 1);
      await expect(t.engine.runNow(caller('X', 'discord'))).rejects.toThrow(/no publisher configured/);
    } finally {
      await t.close();
    }
  });
});
