import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCustomIdCodec } from '../../../src/adapters/discord/custom-ids.js';
import { embedLength, renderSnippet } from '../../../src/adapters/discord/render-embed.js';
import { renderOutgoing, renderReply, toInteractionOptions, toRestBody } from '../../../src/adapters/discord/render-reply.js';
import type { PaperCard, Reply } from '../../../src/core/reply.js';
import { card } from './stub-chat.js';

const cid = (c: unknown) => (c as { custom_id: string }).custom_id;
const label = (c: unknown) => (c as { label: string }).label;
const LONG_ID = `title:${'a-very-long-title-based-paper-id-'.repeat(5)}`;

function checkLimits(r: ReturnType<typeof renderReply>) {
  expect(r.content.length).toBeLessThanOrEqual(2000);
  expect(r.embeds.length).toBeLessThanOrEqual(10);
  expect(r.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
  for (const e of r.embeds) {
    expect(e.title!.length).toBeLessThanOrEqual(256);
    expect((e.description ?? '').length).toBeLessThanOrEqual(4096);
    for (const f of e.fields ?? []) {
      expect(f.value.length).toBeLessThanOrEqual(1024);
      expect(f.value.length).toBeGreaterThan(0);
    }
  }
  expect(r.components.length).toBeLessThanOrEqual(5);
  const ids: string[] = [];
  for (const row of r.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const c of row.components) {
      ids.push(cid(c));
      expect(cid(c).length).toBeLessThanOrEqual(100);
      if ('options' in c) {
        expect(c.options.length).toBeLessThanOrEqual(25);
        for (const o of c.options) expect(o.value.length).toBeLessThanOrEqual(100);
      }
    }
  }
  expect(new Set(ids).size).toBe(ids.length);
  // Select menus only for pages a row of buttons cannot hold.
  if (r.embeds.length <= 5) expect(r.components.flatMap((row) => row.components).every((c) => !('options' in c))).toBe(true);
}

describe('renderReply', () => {
  it('a search reply: header as content, one numbered embed per card, a row of numbered buttons per action, Next page, ephemeral', () => {
    const codec = createCustomIdCodec();
    const reply: Reply = {
      text: '2 papers match "merging"\n1. Paper A\n2. Paper B',
      cards: [card('2404.00001', 'Paper A'), card('2404.00002', 'Paper B')],
      ephemeral: true,
      actions: [{ kind: 'run', label: 'Next page', command: 'search', args: { topic: 'merging', page: 2 } }],
    };
    const r = renderReply(reply, codec);
    expect(r.content).toBe('2 papers match "merging"');
    expect(r.embeds.map((e) => e.title)).toEqual(['1. Paper A', '2. Paper B']);
    expect(r.embeds[0]).toMatchObject({ url: 'https://arxiv.org/abs/2404.00001', footer: { text: '2404.00001' } });
    expect(r.embeds[0].description).toBe('We study **model merging** at scale.');
    expect(r.embeds[0].fields!.map((f) => f.name)).toEqual(['Authors', 'Date', 'Upvotes', 'Code']);
    expect(r.components.map((row) => row.components.map(cid))).toEqual([
      ['p:bm:2404.00001', 'p:bm:2404.00002'],
      ['p:rd:2404.00001', 'p:rd:2404.00002'],
      ['p:sim:2404.00001', 'p:sim:2404.00002'],
      ['p:sh:2404.00001', 'p:sh:2404.00002'],
      ['p:run:{"c":"search","a":{"topic":"merging","page":2}}'],
    ]);
    expect(r.components.map((row) => row.components.map(label))).toEqual([['🔖 1', '🔖 2'], ['✅ 1', '✅ 2'], ['More like 1', 'More like 2'], ['Share 1', 'Share 2'], ['Next page']]);
    const opts = toInteractionOptions(r);
    expect(opts.allowedMentions).toEqual({ parse: [] });
    expect(r.ephemeral).toBe(true);
    checkLimits(r);
  });

  it('escapes markdown in snippets and never cuts a bold pair', () => {
    expect(renderSnippet([{ text: 'a *b* _c_ ' }, { text: 'hit', hit: true }], 100)).toBe('a \\*b\\* \\_c\\_ **hit**');
    const cut = renderSnippet([{ text: 'x'.repeat(20) }, { text: 'hit', hit: true }], 22);
    expect(cut).not.toContain('**');
    expect(cut.length).toBeLessThanOrEqual(22);
  });

  it('a full default page (5 cards + Next page): buttons, not select menus, in 4 rows; long ids by embed index', () => {
    const codec = createCustomIdCodec();
    const cards = [card('2404.00001'), card(LONG_ID, 'Long one'), ...[3, 4, 5].map((n) => card(`2404.0000${n}`))];
    const r = renderReply({ text: 'results', cards, ephemeral: true, actions: [{ kind: 'run', label: 'Next page', command: 'search', args: { topic: 'x', page: 2 } }] }, codec);
    checkLimits(r);
    expect(r.components).toHaveLength(5);
    expect(r.components.flatMap((row) => row.components).every((c) => c.type === 2)).toBe(true);
    expect(r.components.map((row) => row.components.map(label))).toEqual([
      ['🔖 1', '🔖 2', '🔖 3', '🔖 4', '🔖 5'],
      ['✅ 1', '✅ 2', '✅ 3', '✅ 4', '✅ 5'],
      ['More like 1', 'More like 2', 'More like 3', 'More like 4', 'More like 5'],
      ['Share 1', 'Share 2', 'Share 3', 'Share 4', 'Share 5'],
      ['Next page'],
    ]);
    // Button n acts on the paper of embed n, whether its id is in the custom_id or in the footer.
    const footers = r.embeds.map((e) => e.footer!.text);
    const kinds = ['bookmark', 'read', 'similar', 'share'];
    r.components.slice(0, 4).forEach((row, k) =>
      row.components.forEach((c, i) => expect(codec.decode(cid(c), { footers })).toEqual({ kind: kinds[k], paperId: cards[i].paperId })),
    );
    expect(cid(r.components[0].components[1])).toBe('p:bm:#1');
    // Nothing held in memory: a fresh codec (a restarted bot) decodes them the same.
    expect(createCustomIdCodec().decode(cid(r.components[3].components[1]), { footers })).toEqual({ kind: 'share', paperId: LONG_ID });
  });

  it('more than 5 cards: select menus keep every card reachable; long ids go through the embed footer', () => {
    const codec = createCustomIdCodec();
    const cards = [card(LONG_ID, 'Long one'), ...[2, 3, 4, 5, 6].map((n) => card(`2404.0000${n}`))];
    const r = renderReply({ text: 'results', cards, ephemeral: true, actions: [{ kind: 'run', label: 'Next page', command: 'search', args: { topic: 'x', page: 2 } }] }, codec);
    checkLimits(r);
    const select = r.components[0].components[0] as { custom_id: string; options: Array<{ value: string }> };
    expect(select.custom_id).toBe('p:pick:bm');
    expect(select.options).toHaveLength(6);
    expect(select.options[0].value).toBe('#0');
    const footers = r.embeds.map((e) => e.footer!.text);
    expect(codec.decodePaperValue('#0', { footers })).toBe(LONG_ID);
    expect(codec.decodePaperValue('2404.00002', { footers })).toBe('2404.00002');
  });

  it('a few long-id cards use buttons that point at their embed', () => {
    const codec = createCustomIdCodec();
    const r = renderReply({ text: 't', cards: [card(LONG_ID)], ephemeral: true }, codec);
    const id = cid(r.components[0].components[0]);
    expect(id).toBe('p:bm:#0');
    expect(codec.decode(id, { footers: r.embeds.map((e) => e.footer!.text) })).toEqual({ kind: 'bookmark', paperId: LONG_ID });
    expect(codec.decode(id)).toBeUndefined();
  });

  it('stays within every Discord limit whatever the cards (property)', () => {
    const text = fc.string({ maxLength: 3000 });
    const cardArb = fc.record({
      paperId: fc.oneof(fc.string({ minLength: 1, maxLength: 30 }), fc.constant(LONG_ID)),
      title: fc.string({ minLength: 1, maxLength: 400 }),
      url: fc.option(fc.webUrl(), { nil: undefined }),
      authors: fc.string({ maxLength: 2000 }),
      digestDates: fc.array(fc.constant('2024-04-22'), { maxLength: 3 }),
      upvotes: fc.option(fc.nat(), { nil: undefined }),
      snippet: fc.array(fc.record({ text: fc.string({ maxLength: 900 }), hit: fc.boolean() }), { maxLength: 8 }),
      links: fc.array(fc.webUrl(), { maxLength: 5 }),
    }) as fc.Arbitrary<PaperCard>;
    fc.assert(
      fc.property(text, fc.array(cardArb, { maxLength: 25 }), fc.boolean(), (t, cards, withNext) => {
        const r = renderReply({ text: t, cards, ephemeral: true, actions: withNext ? [{ kind: 'run', label: 'Next page', command: 'search', args: { topic: t.slice(0, 200), page: 2 } }] : [] }, createCustomIdCodec());
        checkLimits(r);
      }),
      { numRuns: 60 },
    );
  });

  it('attaches export files and keeps long text under 2,000 chars', () => {
    const r = renderReply({ text: 'x'.repeat(5000), ephemeral: false, file: { name: 'b.bib', mime: 'text/plain', content: '@a{b}' } }, createCustomIdCodec());
    expect(r.content.length).toBe(2000);
    expect(r.content.endsWith('…')).toBe(true);
    expect(toInteractionOptions(r).files).toEqual([{ attachment: Buffer.from('@a{b}'), name: 'b.bib' }]);
  });
});

describe('renderOutgoing', () => {
  it('a paper post: one embed saying 🔖 bookmarks it, Bookmark and More like this buttons, no mentions', () => {
    const body = toRestBody(renderOutgoing({ text: 'p', card: card('2404.00001') }, createCustomIdCodec())) as { content: string; embeds: Array<{ footer: { text: string } }>; components: Array<{ components: Array<{ custom_id: string }> }>; allowed_mentions: unknown };
    expect(body.embeds[0].footer.text).toBe('2404.00001 · react 🔖 to bookmark');
    expect(body.components).toHaveLength(1);
    expect(body.components[0].components.map((c) => c.custom_id)).toEqual(['p:bm:2404.00001', 'p:rd:2404.00001', 'p:sim:2404.00001']);
    expect(body.components[0].components.map(label)).toEqual(['🔖 Bookmark', '✅ Mark read', 'More like this']);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('a header: its text, clipped to 2,000', () => {
    const r = renderOutgoing({ text: `@everyone ${'h'.repeat(3000)}` }, createCustomIdCodec());
    expect(r.content.length).toBe(2000);
    expect(r.embeds).toEqual([]);
  });
});

describe('custom ids', () => {
  it('round-trips actions, keeps over-long Next page args in memory, rejects anything else', () => {
    const codec = createCustomIdCodec();
    const long = { kind: 'run' as const, label: 'Next page', command: 'search', args: { topic: 'z'.repeat(300), page: 2 } };
    const id = codec.encode(long)!;
    expect(id).toMatch(/^p:ref:/);
    expect(codec.decode(id)).toEqual(long);
    expect(codec.decode('p:run:{not json')).toBeUndefined();
    expect(codec.decode('p:run:{"c":"search","a":[1]}')).toBeUndefined();
    expect(codec.decode('x:bm:1')).toBeUndefined();
    expect(createCustomIdCodec().decode(id)).toBeUndefined();
    expect(codec.decode('p:sh:2404.1', { label: 'x' })).toEqual({ kind: 'share', paperId: '2404.1' });
  });

  it('stamps the server an answer in a DM acted in, and decodes stamped and unstamped ids alike', () => {
    const codec = createCustomIdCodec();
    let server: string | undefined = '123456789012345678';
    const inDm = codec.inWorkspace(() => server);
    const titleId = 'title:model-merging-at-scale';
    expect(inDm.encode({ kind: 'undismiss', paperId: '2404.00001' })).toBe('p:un@123456789012345678:2404.00001');
    expect(inDm.encode({ kind: 'bookmark', paperId: titleId })).toBe(`p:bm@123456789012345678:${titleId}`);
    expect(codec.decode(`p:bm@123456789012345678:${titleId}`)).toEqual({ kind: 'bookmark', paperId: titleId });
    expect(codec.workspaceOf(`p:bm@123456789012345678:${titleId}`)).toBe('123456789012345678');
    expect(codec.workspaceOf(`p:bm:${titleId}`)).toBeUndefined();
    const next = { kind: 'run' as const, label: 'Next page', command: 'similar', args: { id: '2404.00001', page: 2 } };
    const run = inDm.encode(next)!;
    expect(run).toMatch(/^p:run@123456789012345678:\{/);
    expect(codec.decode(run, { label: 'Next page' })).toEqual(next);
    expect(inDm.encodePick('dismiss')).toBe('p:pick@123456789012345678:ni');
    expect(codec.decodePick('p:pick@123456789012345678:ni')).toBe('dismiss');
    expect(codec.decodePick(codec.encodePick('bookmark'))).toBe('bookmark');
    expect(codec.workspaceOf('p:pick@123456789012345678:ni')).toBe('123456789012345678');

    // Too long with the stamp: the embed index if there is an embed, else the id without the stamp.
    expect(inDm.encode({ kind: 'bookmark', paperId: LONG_ID }, 0)).toBe('p:bm@123456789012345678:#0');
    const fitsBare = `title:${'x'.repeat(100 - 'p:un:title:'.length)}`;
    expect(inDm.encode({ kind: 'undismiss', paperId: fitsBare })).toBe(`p:un:${fitsBare}`);
    // Only a server id is stamped: not a DM's own workspace, not nothing (known only once the action ran).
    server = 'dm:42';
    expect(inDm.encode({ kind: 'bookmark', paperId: '2404.00001' })).toBe('p:bm:2404.00001');
    server = undefined;
    expect(inDm.encode({ kind: 'bookmark', paperId: '2404.00001' })).toBe('p:bm:2404.00001');
    expect(codec.workspaceOf('p:bm@12a:2404.00001')).toBeUndefined();
  });
});
