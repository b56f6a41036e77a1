import { afterEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/core/reply.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { createReadingEnv, PREF, RSTAR, SSM } from './reading-env.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof createReadingEnv>>;
afterEach(async () => env?.close());

const ann: Caller = { platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId: 'U_ANN', isAdmin: false };
const bob: Caller = { ...ann, userId: 'U_BOB' };
const annOnDiscord: Caller = { ...ann, platform: 'discord', workspaceId: 'G1' };

describe('reading list commands', () => {
  it('note and tag bookmark the paper; bookmarks filter by tag and unread; cards show tags, read state, note start', async () => {
    env = await createReadingEnv(tempDir());
    const noted = await env.chat.handleText(`note ${PREF} compare with DPO baselines before the reading group on Friday, and check their reward model setup closely`, ann);
    expect(noted.text).toMatch(/^Saved your note on "Pref-GRPO.*It is now in your bookmarks\.$/);
    expect((await env.chat.handleText(`note ${PREF} shorter`, ann)).text).toMatch(/^Replaced your note/);
    env.clock.advance(1000);
    expect((await env.chat.handleText(`note ${PREF}`, ann)).text).toBe(`Your note on "${(await env.core.store.getPaper(PREF))!.title}":\nshorter`);
    expect((await env.chat.handleText(`tag ${RSTAR} #Agents, RL  to-read`, ann)).text).toMatch(/Tagged "rStar2-Agent.*": #Agents #RL #to-read\. It is now in your bookmarks\./);
    expect((await env.chat.handleText(`tag ${RSTAR} agents`, ann)).text).toMatch(/already had those tags/);
    await env.chat.handleText(`tag ${PREF} rl`, ann);
    env.clock.advance(1000);
    await env.chat.handleAction({ kind: 'bookmark', paperId: SSM }, ann);

    const all = await env.chat.handleText('bookmarks', ann);
    expect(all.cards!.map((c) => c.paperId)).toEqual([SSM, RSTAR, PREF]);
    expect(all.cards!.find((c) => c.paperId === PREF)!.reading).toEqual({ read: false, tags: ['rl'], note: 'shorter' });
    expect(all.text).toContain('📖 unread · #rl · 📝 shorter');

    const rl = await env.chat.handleText('bookmarks --tag RL', ann);
    expect(rl.cards!.map((c) => c.paperId)).toEqual([RSTAR, PREF]);
    expect(rl.text.split('\n')[0]).toBe('Your bookmarks tagged #RL (2) — page 1 of 1');

    expect((await env.chat.handleText(`read ${RSTAR}`, ann)).text).toMatch(/^Marked "rStar2-Agent.*" read\./);
    expect((await env.chat.handleText(`read ${RSTAR}`, ann)).text).toMatch(/was already marked read/);
    const unread = await env.chat.handleCommand(['bookmarks'], { tag: 'rl', unread: true }, ann);
    expect(unread.cards!.map((c) => c.paperId)).toEqual([PREF]);
    const readCard = (await env.chat.handleText('bookmarks', ann)).cards!.find((c) => c.paperId === RSTAR)!;
    expect(readCard.reading).toEqual({ read: true, tags: ['Agents', 'RL', 'to-read'] });
    expect((await env.chat.handleText(`unread ${RSTAR}`, ann)).text).toMatch(/^Marked "rStar2-Agent.*" unread\./);
    expect((await env.chat.handleText('bookmarks --unread', ann)).cards).toHaveLength(3);

    expect((await env.chat.handleText(`untag ${RSTAR} to-read nope`, ann)).text).toMatch(/Removed #to-read from .* had no tag #nope\. Its tags: #Agents #RL\./);
    expect((await env.chat.handleText('bookmarks --tag nothing-here', ann)).text).toMatch(/None of your bookmarks is tagged #nothing-here/);
    // Private: another person, or the same person on another platform, sees none of it.
    expect((await env.chat.handleText('bookmarks', bob)).text).toMatch(/no bookmarks yet/);
    expect((await env.chat.handleText(`note ${PREF}`, annOnDiscord)).text).toMatch(/You have no note/);
    expect((await env.chat.handleText(`note ${PREF} --clear`, ann)).text).toMatch(/Deleted your note/);
  });

  it('bad input: long note, too many or too long tags, unknown id, read without bookmark; nothing stored', async () => {
    env = await createReadingEnv(tempDir());
    const before = env.counts();
    const long = await env.chat.handleText(`note ${PREF} ${'x'.repeat(2001)}`, ann);
    expect(long).toMatchObject({ error: true, ephemeral: true });
    expect(long.text).toMatch(/^Your note is 2,001 characters; the limit is 2,000\. Nothing was saved\./);
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`).join(' ');
    expect((await env.chat.handleText(`tag ${PREF} ${tags}`, ann)).text).toMatch(/adding 21 more would pass the limit of 20 a paper\. Nothing was changed\./);
    expect((await env.chat.handleText(`tag ${PREF} ok ${'y'.repeat(41)}`, ann)).text).toMatch(/tags are at most 40\. Nothing was changed\./);
    expect((await env.chat.handleText('tag 2999.99999 llm', ann)).text).toMatch(/^No paper with id 2999\.99999 in the store/);
    expect((await env.chat.handleText('note 2999.99999 hi', ann)).text).toMatch(/^No paper with id 2999\.99999/);
    // A list position typed where an id goes is named as such, for every id-taking command.
    for (const cmd of ['tag 1 llm', 'note 2 hi', 'read 3', 'unread 12']) {
      expect((await env.chat.handleText(cmd, ann)).text).toMatch(/^\d+ is a position in a list, not a paper id: use the id its card shows/);
    }
    expect(env.counts()).toEqual(before);
    const notBookmarked = await env.chat.handleText(`read ${PREF}`, ann);
    expect(notBookmarked.text).toMatch(/is not in your bookmarks, so nothing was marked read/);
    expect((await env.chat.handleAction({ kind: 'read', paperId: PREF }, ann)).text).toMatch(/not in your bookmarks/);
    expect(env.counts()).toEqual(before);
    expect((await env.chat.handleText('read 2999.99999', ann)).text).toMatch(/^No paper with id 2999\.99999/);
    // Exactly 20 tags and a 2,000-character note are fine; the 21st tag is refused.
    expect((await env.chat.handleText(`tag ${PREF} ${Array.from({ length: 20 }, (_, i) => `t${i}`).join(',')}`, ann)).error).toBeUndefined();
    expect((await env.chat.handleText(`tag ${PREF} T0 one-more`, ann)).text).toMatch(/has 20 tags; adding 1 more/);
    expect((await env.chat.handleText(`note ${PREF} ${'x'.repeat(2000)}`, ann)).error).toBeUndefined();
  });

  it('✅ on a recorded bot message marks a bookmark read and removing it marks it unread; Mark read button too', async () => {
    env = await createReadingEnv(tempDir());
    await env.chat.recordMessage(ann, 'm1', PREF);
    // Not bookmarked: ✅ changes nothing.
    expect(await env.chat.reaction(ann, 'm1', true, 'read')).toBeUndefined();
    expect(env.counts().notes).toBe(0);
    expect(await env.chat.reaction(ann, 'm1', true)).toEqual({ paperId: PREF });
    expect(await env.chat.reaction(ann, 'm1', true, 'read')).toEqual({ paperId: PREF });
    expect((await env.chat.handleText('bookmarks --unread', ann)).text).toMatch(/None of your bookmarks is unread/);
    await env.chat.reaction(ann, 'm1', false, 'read');
    expect((await env.chat.handleText('bookmarks --unread', ann)).cards!.map((c) => c.paperId)).toEqual([PREF]);
    expect((await env.chat.handleAction({ kind: 'read', paperId: PREF }, ann)).text).toMatch(/^Marked ".*" read/);
    expect(await env.bookmarks.has(ann, PREF)).toBe(true);
  });

  it('exports carry notes and tags and follow the filters; RIS and CSL-JSON are offered', async () => {
    env = await createReadingEnv(tempDir());
    await env.chat.handleText(`note ${PREF} my note`, ann);
    await env.chat.handleText(`tag ${PREF} to-cite`, ann);
    await env.chat.handleAction({ kind: 'bookmark', paperId: SSM }, ann);
    const ris = await env.chat.handleText('bookmarks export ris', ann);
    expect(ris.file).toMatchObject({ name: 'bookmarks-2026-05-01.ris', mime: 'application/x-research-info-systems' });
    expect(ris.file!.content).toContain('N1  - my note');
    expect(ris.file!.content).toContain('KW  - to-cite');
    expect(ris.file!.content.match(/^TY {2}- /gm)).toHaveLength(2);
    const csl = await env.chat.handleCommand(['bookmarks'], { format: 'csl-json', tag: 'TO-CITE' }, ann);
    const items = JSON.parse(csl.file!.content) as Array<{ note?: string; keyword?: string; DOI?: string }>;
    expect(items).toEqual([expect.objectContaining({ note: 'my note', keyword: 'to-cite', DOI: `10.48550/arXiv.${PREF}` })]);
    expect((await env.chat.handleText('bookmarks export csv --tag nothing', ann)).text).toMatch(/no bookmark matches/);
  });
});
