import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendsBot } from '../../core/trends/trends-env.js';
import type { StoredMessage } from '../../fakes/discord/payloads.js';
import { startHarness, type Harness } from './harness.js';

type Embed = { image?: { url: string } };

describe('/papers trends on Discord (real discord.js against the fake)', () => {
  let env: Awaited<ReturnType<typeof trendsBot>>;
  let h: Harness;
  beforeAll(async () => {
    env = await trendsBot();
    h = await startHarness(env.bot.chat, { channelsPerGuild: 2 });
  }, 60_000);
  afterAll(async () => {
    await h?.stop();
    await env?.close();
  });

  it('answers with the PNG as an attachment, an embed showing it, and a search button per top topic', async () => {
    const i = h.fake.slash(['trends'], [{ name: 'weeks', type: 4, value: 4 }]);
    // Drawing may take past the defer threshold: the picture then comes in the follow-up.
    const call = await h.answer(i.token, (c) => c.files.length > 0);
    const [file] = call.fileData;
    expect(file!.name).toBe('papers-trends-2025-08-29.png');
    const png = PNG.sync.read(file!.data);
    expect(png.width).toBeGreaterThan(900);
    const body = call.body as { data?: StoredMessage; embeds?: Embed[]; content?: string; attachments?: Array<{ description?: string }>; flags?: number };
    const msg = (body.data ?? body) as { embeds: Embed[]; content: string; components: Array<{ components: Array<{ label?: string }> }>; attachments?: Array<{ description?: string }>; flags?: number };
    expect(msg.embeds.map((e) => e.image?.url)).toEqual(['attachment://papers-trends-2025-08-29.png']);
    expect(msg.content).toMatch(/^The week in papers, 2025-08-23 to 2025-08-29/);
    expect(msg.attachments?.[0]?.description).toMatch(/^Trends chart for 2025-08-23/);
    const labels = msg.components.flatMap((r) => r.components).map((c) => c.label ?? '');
    expect(labels.filter((l) => l.startsWith('Search: '))).toHaveLength(5);
    // In the channel for everyone, not ephemeral.
    expect((msg.flags ?? 0) & 64).toBe(0);
  });

  it('the publisher posts a picture as one multipart message: text, embed and the attachment', async () => {
    const image = { name: 'papers-trends-2025-08-29.png', mime: 'image/png' as const, data: new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 9, 9]), alt: 'a chart', width: 1, height: 1 };
    const channelId = h.fake.guild.channelIds[1]!;
    const before = h.fake.calls.length;
    await h.adapter.publisher.post(channelId, { text: 'The week in papers', image });
    const posts = h.fake.calls.slice(before).filter((c) => c.method === 'POST' && c.path === `/channels/${channelId}/messages`);
    expect(posts).toHaveLength(1);
    expect(Buffer.compare(posts[0]!.fileData[0]!.data, Buffer.from(image.data))).toBe(0);
    expect(posts[0]!.fileData[0]!.contentType).toBe('image/png');
    const b = posts[0]!.body as { content: string; embeds: Embed[] };
    expect(b.content).toBe('The week in papers');
    expect(b.embeds[0]!.image!.url).toBe('attachment://papers-trends-2025-08-29.png');
  });
});
