import { describe, expect, it } from 'vitest';
import { createStubChat } from './stub-chat.js';
import { startHarness } from './harness.js';

type Body = { type: number; data?: Record<string, unknown> };

describe('Discord adapter: the gateway going away', () => {
  it('resumes after a close (4000), gets what was dispatched meanwhile, and keeps answering', async () => {
    const h = await startHarness(createStubChat());
    try {
      h.fake.gateway.closeAll(4000);
      // Dispatched while the socket is down: Discord replays it on RESUME.
      const during = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'during the outage' }]);
      const resumes = await h.fake.waitForGateway(6);
      expect(resumes[0].sessionId).toBeTruthy();
      expect(((await h.answer(during.token)).body as Body).type).toBe(4);
      const after = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'after' }]);
      expect(((await h.answer(after.token)).body as Body).type).toBe(4);
      expect(h.fake.gatewayRecords.filter((r) => r.op === 2)).toHaveLength(1);
      const posted = await h.adapter.publisher.post(h.fake.channelId, { text: 'still posting' });
      expect(h.fake.messages.has(posted.messageId)).toBe(true);
    } finally {
      await h.stop();
    }
  });

  it('re-identifies when the session cannot be resumed', async () => {
    const h = await startHarness(createStubChat());
    try {
      h.fake.gateway.invalidateSessions();
      h.fake.gateway.closeAll(4000);
      await h.fake.waitForGateway(2, 2, 30_000);
      const i = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'new session' }]);
      expect(((await h.answer(i.token)).body as Body).type).toBe(4);
    } finally {
      await h.stop();
    }
  });
});

describe('Discord adapter: heartbeats', () => {
  it('heartbeats at the interval HELLO gives and gets ACKs (no zombie reconnects)', async () => {
    const h = await startHarness(createStubChat(), { heartbeatIntervalMs: 100 });
    try {
      for (let n = 0; n < 200 && h.fake.gatewayRecords.filter((r) => r.op === 1).length < 3; n++) await new Promise((r) => setTimeout(r, 20));
      expect(h.fake.gatewayRecords.filter((r) => r.op === 1).length).toBeGreaterThanOrEqual(3);
      expect(h.fake.gatewayRecords.filter((r) => r.op === 2 || r.op === 6)).toHaveLength(1);
      expect(h.adapter.client.ws.ping).toBeGreaterThanOrEqual(0);
    } finally {
      await h.stop();
    }
  });
});

describe('Discord adapter: sharding', () => {
  it("runs Discord's recommended two shards in one process and answers on both", async () => {
    const h = await startHarness(createStubChat(), { shardCount: 2 });
    try {
      const identifies = h.fake.gatewayRecords.filter((r) => r.op === 2);
      expect(identifies.map((r) => r.shard).sort()).toEqual([0, 1]);
      expect(h.adapter.client.guilds.cache.size).toBe(2);
      for (const guild of h.fake.guilds) {
        const i = h.fake.slash(['search'], [{ name: 'topic', type: 3, value: 'sharded' }], { guild });
        expect(((await h.answer(i.token)).body as Body).type).toBe(4);
      }
    } finally {
      await h.stop();
    }
  });
});
