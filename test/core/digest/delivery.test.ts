import { describe, expect, it } from 'vitest';
import { TransientPublishError } from '../../../src/core/errors.js';
import { createRecordingPublisher, isDelivery, type Delivery } from '../../../src/core/publisher.js';
import { caller, expectedTop, setup, timedPublisher } from './helpers.js';

const START = '2026-03-02T08:00:00.000Z';
const SLOT = '2026-03-02T09:00:00.000Z';

const deliveries = (pub: ReturnType<typeof createRecordingPublisher>) => pub.sent.map((s) => s.to).filter(isDelivery);

describe('each digest post names its run, item and workspace, and says when it may already be out', () => {
  it('a fresh run: every post is a Delivery in the subscription’s workspace, none may exist', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 3 });
      const pub = createRecordingPublisher('slack');
      t.engine.setPublisher(pub);
      t.clock.set(SLOT);
      await t.engine.tick();
      const runs = t.db().prepare('SELECT id, created_at FROM digest_runs').all() as Array<{ id: number; created_at: string }>;
      expect(deliveries(pub)).toEqual([
        { workspaceId: 'T1', runId: runs[0].id, item: 'header', mayExist: false, since: runs[0].created_at },
        ...expectedTop('2025-06-10', 3, new Set()).map((item) => ({ workspaceId: 'T1', runId: runs[0].id, item, mayExist: false, since: runs[0].created_at })),
      ]);
    } finally {
      await t.close();
    }
  });

  it('a resumed run: only its first post may already be out (posting is serial per run)', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 4 });
      let reached!: () => void;
      const hung = new Promise<void>((r) => (reached = r));
      // Header and one paper posted; the second paper's post never answers: the process "dies" there.
      t.engine.setPublisher(timedPublisher(t.clock, 'slack', (_c, _m, call) => (call === 2 ? (reached(), 'hang') : undefined)));
      t.clock.set(SLOT);
      void t.engine.tick();
      await hung;

      t.clock.set('2026-03-02T09:05:00.000Z');
      const engine2 = t.engineLike();
      const pub = createRecordingPublisher('slack');
      engine2.setPublisher(pub);
      await engine2.catchUp();
      const top = expectedTop('2025-06-10', 4, new Set());
      expect(deliveries(pub).map((d) => [d.item, d.mayExist])).toEqual([
        [top[1], true],
        [top[2], false],
        [top[3], false],
      ]);
    } finally {
      await t.close();
    }
  });

  it('a retry after a timeout or 5xx may find the message out; after a 429 it may not', async () => {
    const t = await setup(START);
    try {
      await t.ingest('2025-06-10');
      await t.engine.subscribe(caller('C1'), { time: '09:00', tz: 'UTC', top: 1 });
      const seen: Delivery[] = [];
      const pub = createRecordingPublisher('slack', (_c, _m, call) => (call === 0 ? new TransientPublishError('timeout') : undefined));
      const post = pub.post.bind(pub);
      pub.post = (channelId, message, to) => (isDelivery(to) && seen.push(to), post(channelId, message, to));
      t.engine.setPublisher(pub);
      t.clock.set(SLOT);
      // The fake clock's sleep returns at once: the backoff costs no time here.
      await t.engine.tick();
      expect(seen.map((d) => [d.item, d.mayExist])).toEqual([
        ['header', false],
        ['header', true],
        [expectedTop('2025-06-10', 1, new Set())[0], false],
      ]);
    } finally {
      await t.close();
    }
  });
});
