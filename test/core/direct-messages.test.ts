import { describe, expect, it } from 'vitest';
import { callerOfDmChannel, dmChannelId, isDmChannel, parseDmChannelId, withDirectMessages } from '../../src/core/direct-messages.js';
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

  it("gives a personal digest's cards Not interested; a channel's cards are left as they are", async () => {
    const inner = createRecordingPublisher('discord');
    const pub = withDirectMessages(inner, { openDirectMessage: async (_w, userId) => `D-${userId}` });
    const card = { paperId: '2401.00001', title: 'T', authors: '', digestDates: [], snippet: [], links: [] };
    await pub.post('dm:G1:U1', { text: 'p', card });
    await pub.post('C1', { text: 'p', card });
    expect(inner.sent.map((s) => s.message.card?.dismissable)).toEqual([true, undefined]);
    expect(card).not.toHaveProperty('dismissable');
  });

  it("moves a DM's reader to the digest's workspace and dm: channel, only for their own digest", () => {
    const reader = { platform: 'discord' as const, workspaceId: 'dm:U1', channelId: 'D-U1', userId: 'U1', isAdmin: false };
    expect(callerOfDmChannel(reader, 'dm:G1:U1')).toEqual({ ...reader, workspaceId: 'G1', channelId: 'dm:G1:U1' });
    expect(callerOfDmChannel(reader, 'dm:G1:U2')).toBeUndefined();
    expect(callerOfDmChannel(reader, 'C1')).toBeUndefined();
  });
});
