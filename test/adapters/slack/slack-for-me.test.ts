import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { createForMeEnv } from '../../core/recommend/for-me-env.js';
import { topicOf } from '../../core/recommend/topic-papers.js';
import { startHarness, type Harness } from './harness.js';

interface Button {
  type: 'button';
  action_id: string;
  value: string;
  text: { text: string };
}

function buttons(blocks: unknown): Button[] {
  return ((blocks as Array<{ type: string; elements?: Button[] }>) ?? []).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
}

const tempDir = useTempDirs();
let h: Harness | undefined;
let env: Awaited<ReturnType<typeof createForMeEnv>> | undefined;
afterEach(async () => {
  await h?.stop();
  await env?.close();
});

describe('Slack: /papers for-me and the 👎 Not interested button, real chat core behind Bolt', () => {
  it('shows because lines and a Not interested button per card; a click dismisses, Undo takes it back', async () => {
    env = await createForMeEnv(tempDir());
    const reader = { platform: 'slack' as const, workspaceId: 'T0FAKE', userId: 'U0ALICE' };
    for (const id of ['2401.10000', '2401.10001', '2401.10002']) await env.bookmarks.add(reader, id);
    h = await startHarness(env.chat);
    const { reply } = await h.command('for-me --days 4');
    expect(reply.body.text).toMatch(/^For you, from your 3 bookmarks/);
    expect(JSON.stringify(reply.body.blocks)).toContain('because: *');
    const dismiss = buttons(reply.body.blocks).filter((b) => b.text.text === '👎 Not interested');
    expect(dismiss).toHaveLength(5);
    const target = dismiss[2]!.value;
    expect(topicOf(target)).toBe('graphs');

    const click = await h.click({ actionId: dismiss[2]!.action_id, value: target });
    expect(click.reply?.body.text).toMatch(/^Not interested in ".+"/);
    expect(await env.feedback.dismissed(reader, 10)).toEqual([target]);
    const undo = buttons(click.reply?.body.blocks).find((b) => b.text.text === 'Undo')!;
    expect(undo.value).toBe(target);

    const undone = await h.click({ actionId: undo.action_id, value: undo.value });
    expect(undone.reply?.body.text).toMatch(/^Undone/);
    expect(await env.feedback.dismissed(reader, 10)).toEqual([]);

    // A dismissed paper is never shown again.
    await h.click({ actionId: dismiss[0]!.action_id, value: dismiss[0]!.value });
    const again = await h.command('for-me --days 4');
    expect(buttons(again.reply.body.blocks).map((b) => b.value)).not.toContain(dismiss[0]!.value);
  });
});
