import { describe, expect, it } from 'vitest';
import { dmChannelId, isDmChannel, parseDmChannelId, withDirectMessages } from '../../src/core/direct-messages.js';
import { PermanentPublishError } from '../../src/core/errors.js';
import { createRecordingPublisher } from '../../src/core/publisher.js';

describe('direct messages as pseudo-channels', () => {
  it('names a reader dm:<workspace>:<user> and reads the name back; ordinary channels are not DMs', () => {
    expect(dmChannelId('T1', 'U1')).toBe('dm:T1:U1');
    expect(parseDmChannelId('dm:T1:U1')).toEqual({ workspaceId: 'T1', userId: 'U1' });
    expect(parseDmChannelId(dmChannelId('123456789012345678', '987654321098765432'))).toEqual({ workspaceId: '123456789012345678', userId: '987654321098765432' });
    expect(isDmChannel('C123')).toBe(false);
    expect(parseDmChannelId('C123')).toBeUndefined();
    expect(parseDmChannelId('dm:T1')).toBeUndefined();
    expect(parseDmChannelId('dm:T1:')).toBeUndefined();
  });

  it('opens the DM through the port once per reader and posts there; channels pass straight through', async () => {
    const inner = createRecordingPublisher('slack');
    const opened: string[] = [];
    const pub = withDirectMessages(inner, {
      async openDirectMessage(workspaceId, userId) {
        opened.push(`${workspaceId}/${userId}`);
        return `D-${userId}`;
      },
    });
    expect(pub.platform).toBe('slack');
    await pub.post('dm:T1:U1', { text: 'header' });
    await pub.post('dm:T1:U1', { text: 'paper 1' });
    await pub.post('dm:T1:U2', { text: 'header' });
    await pub.post('C1', { text: 'channel' });
    expect(opened).toEqual(['T1/U1', 'T1/U2']);
    expect(inner.sent.map((s) => [s.channelId, s.message.text])).toEqual([
      ['D-U1', 'header'],
      ['D-U1', 'paper 1'],
      ['D-U2', 'header'],
      ['C1', 'channel'],
    ]);
  });

  it("passes the post's target (workspace, digest delivery) through to the adapter's publisher", async () => {
    const inner = createRecordingPublisher('slack');
    const pub = withDirectMessages(inner, { openDirectMessage: async (_w, userId) => `D-${userId}` });
    const delivery = { workspaceId: 'T1', runId: 7, item: 'header', mayExist: true, since: '2026-12-05T08:00:00Z' };
    await pub.post('dm:T1:U1', { text: 'header' }, delivery);
    await pub.post('C1', { text: 'channel' }, { workspaceId: 'T2' });
    expect(inner.sent.map((s) => [s.channelId, s.to])).toEqual([
      ['D-U1', delivery],
      ['C1', { workspaceId: 'T2' }],
    ]);
  });

  it("passes the adapter's refusal on unchanged, so the engine pauses that reader's digest", async () => {
    const pub = withDirectMessages(createRecordingPublisher('discord'), {
      async openDirectMessage() {
        throw new PermanentPublishError('Discord: cannot send messages to this user (50007)');
      },
    });
    await expect(pub.post('dm:G1:U1', { text: 'x' })).rejects.toBeInstanceOf(PermanentPublishError);
  });
});
