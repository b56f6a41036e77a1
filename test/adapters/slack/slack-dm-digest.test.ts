import { describe, expect, it } from 'vitest';
import { dmChannelId } from '../../../src/core/direct-messages.js';
import { topicOf } from '../../core/recommend/topic-papers.js';
import { FAKE_TEAM_ID } from '../../fakes/slack/fake-slack.js';
import { DM_SLOT, useDmBot } from '../dm-bot.js';
import { cardPaperIds, startHarness } from './harness.js';

const start = useDmBot((b) => startHarness(b.chat, {}, undefined, (p) => b.digests.setPublisher(p)));

const reader = (userId: string) => ({ platform: 'slack' as const, workspaceId: FAKE_TEAM_ID, userId });

describe('Slack: the personal digest by direct message, real engine behind Bolt', () => {
  it('opens the DM with conversations.open and posts there once; a member who cannot be messaged is paused and told once', async () => {
    const env = await start();
    const { bot: b, h } = env;

    const sub = await h.command('for-me subscribe --time 08:00 --tz Europe/Berlin --top 3');
    expect(sub.reply.body.text).toMatch(/^Subscribed: your recommendations by direct message, 08:00 Europe\/Berlin, every day, top 3\./);
    await h.command('for-me subscribe --time 08:00 --tz Europe/Berlin', { userId: 'U0BOB' });
    for (const id of ['2401.20000', '2401.20001', '2401.20002']) await b.bookmarks.add(reader('U0ALICE'), id);
    for (const id of ['2401.10000', '2401.10001', '2401.10002']) await b.bookmarks.add(reader('U0BOB'), id);
    h.fake.dmErrors.set('U0BOB', 'cannot_dm_bot');

    env.clock.set(DM_SLOT);
    const report = await b.digests.tick();
    expect(report).toMatchObject({ planned: 2, paused: 1 });
    expect(h.fake.callsTo('conversations.open').map((c) => c.body.users).sort()).toEqual(['U0ALICE', 'U0BOB']);
    const posts = h.fake.callsTo('chat.postMessage');
    expect(posts.map((c) => c.body.channel)).toEqual(['DU0ALICE', 'DU0ALICE', 'DU0ALICE', 'DU0ALICE']);
    expect(String(posts[0]!.body.text)).toMatch(/^📬 Your papers for today: 3 picked from your 3 bookmarks/);
    const ids = posts.slice(1).flatMap((c) => cardPaperIds(c.body.blocks));
    expect(ids.map(topicOf)).toEqual(['speech', 'speech', 'speech']);

    // Once: ticks later that day, and a catch-up as after a restart, post nothing more.
    env.clock.set('2024-01-04T07:30:00Z');
    await b.digests.tick();
    await b.digests.catchUp();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(4);

    expect((await b.storage.digests.get('slack', dmChannelId(FAKE_TEAM_ID, 'U0BOB')))?.pausedReason).toBe('permanent failure: slack: cannot_dm_bot');
    const first = await h.command('bookmarks', { userId: 'U0BOB' });
    expect(first.reply.body.text).toMatch(/^⚠️ Your personal digest by direct message is paused: I could not send you a direct message \(permanent failure: slack: cannot_dm_bot\)\. Allow direct messages from this bot, then run \/papers for-me subscribe again to resume it\./);
    const second = await h.command('bookmarks', { userId: 'U0BOB' });
    expect(second.reply.body.text).not.toContain('personal digest');
    // Alice was never told anything of the kind.
    expect((await h.command('bookmarks')).reply.body.text).not.toContain('personal digest');
  });
});
