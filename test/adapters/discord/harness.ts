import type { ChatCore } from '../../../src/core/chat.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { createDiscordAdapter } from '../../../src/adapters/discord/discord-adapter.js';
import { startFakeDiscord, type FakeDiscordOptions } from '../../fakes/discord/fake-discord.js';
import type { RecordedCall } from '../../fakes/discord/fake-rest.js';

/** A fake Discord and the real adapter (real discord.js Client) logged in to it. */
export async function startHarness(chat: ChatCore, opts: FakeDiscordOptions & { deferAfterMs?: number; tokenAsGiven?: string } = {}) {
  const fake = await startFakeDiscord(opts);
  const logger = createRecordingLogger();
  const adapter = createDiscordAdapter({
    config: { token: opts.tokenAsGiven ?? `Bot ${fake.token}`, appId: fake.appId, apiUrl: fake.apiUrl },
    chat,
    logger,
    deferAfterMs: opts.deferAfterMs,
  });
  await adapter.start();
  return {
    fake,
    adapter,
    logger,
    /** The first callback / webhook call for an interaction, waiting for it. */
    answer(token: string, pred: (c: RecordedCall) => boolean = () => true): Promise<RecordedCall> {
      return fake.waitForCall((c) => c.path.includes(`/${token}`) && pred(c));
    },
    async stop() {
      await adapter.stop();
      await fake.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;
