import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { createForMeEnv } from '../../core/recommend/for-me-env.js';
import { topicOf } from '../../core/recommend/topic-papers.js';
import { startHarness, type Harness } from './harness.js';

type Body = { type: number; data?: { content?: string; components?: Array<{ components: Array<{ custom_id: string; label: string }> }> } };

describe('Discord: /papers for-me and the 👎 Not interested button, real chat core behind real discord.js', () => {
  const tempDir = useTempDirs();
  let env: Awaited<ReturnType<typeof createForMeEnv>>;
  let h: Harness;
  beforeAll(async () => {
    env = await createForMeEnv(tempDir());
    h = await startHarness(env.chat);
  });
  afterAll(async () => {
    await h?.stop();
    await env?.close();
  });
  const reader = () => ({ platform: 'discord' as const, workspaceId: h.fake.guild.id, userId: h.fake.defaultUser.id });
  const buttons = (b: Body) => (b.data?.components ?? []).flatMap((r) => r.components);

  it('shows recommendations with 👎 buttons; a click dismisses, Undo takes it back', async () => {
    for (const id of ['2401.30000', '2401.30001', '2401.30002']) await env.bookmarks.add(reader(), id);
    const i = h.fake.slash(['for-me'], [{ name: 'days', type: 3, value: '4' }]);
    const body = (await h.answer(i.token)).body as Body;
    expect(body.data?.content).toMatch(/^For you, from your 3 bookmarks/);
    const dismiss = buttons(body).filter((c) => c.custom_id.startsWith('p:ni:'));
    expect(dismiss.map((c) => c.label)).toEqual(['👎 1', '👎 2', '👎 3', '👎 4', '👎 5']);
    const target = dismiss[0]!.custom_id.slice('p:ni:'.length);
    expect(topicOf(target)).toBe('agents');

    const click = h.fake.button(dismiss[0]!.custom_id, undefined);
    const answer = (await h.answer(click.token)).body as Body;
    expect(answer.data?.content).toMatch(/^Not interested in ".+"/);
    expect(await env.feedback.dismissed(reader(), 10)).toEqual([target]);
    const undo = buttons(answer).find((c) => c.label === 'Undo')!;
    expect(undo.custom_id).toBe(`p:un:${target}`);

    const undone = (await h.answer(h.fake.button(undo.custom_id, undefined).token)).body as Body;
    expect(undone.data?.content).toMatch(/^Undone/);
    expect(await env.feedback.dismissed(reader(), 10)).toEqual([]);
  });

  it('with no bookmarks says how many are needed instead of an empty list', async () => {
    const i = h.fake.slash(['for-me'], [], { user: { id: '777777777777777777', username: 'new' } });
    const body = (await h.answer(i.token)).body as Body;
    expect(body.data?.content).toContain('You have no bookmarks yet; /papers for-me learns from at least 3: bookmark 3 more papers');
    expect(buttons(body).map((c) => c.label)).toEqual(['Top papers']);
  });
});
