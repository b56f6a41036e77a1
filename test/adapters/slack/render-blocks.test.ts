import { describe, expect, it } from 'vitest';
import type { PaperCard, Reply } from '../../../src/core/reply.js';
import { decodeAction, encodeAction } from '../../../src/adapters/slack/action-codec.js';
import { escapeMrkdwn, escapeTruncated, link } from '../../../src/adapters/slack/mrkdwn.js';
import { cardText, MAX_BLOCKS, MAX_SECTION_TEXT, renderOutgoing, renderReply } from '../../../src/adapters/slack/render-blocks.js';

const card = (over: Partial<PaperCard> = {}): PaperCard => ({
  paperId: '2504.01234',
  title: 'Model Merging & You: <b>A Survey</b>',
  url: 'https://arxiv.org/abs/2504.01234',
  authors: 'A. Author, B. Author et al.',
  digestDates: ['2025-04-21', '2025-04-22'],
  upvotes: 12,
  snippet: [{ text: 'We study ' }, { text: 'model merging', hit: true }, { text: ' at scale.' }],
  links: ['https://github.com/x/y'],
  ...over,
});

function allText(value: unknown): string {
  return JSON.stringify(value);
}

describe('mrkdwn escaping', () => {
  it('escapes & < > and never yields broadcasts or mentions', () => {
    const nasty = '<!channel> <!here|here> <!everyone> <@U123> <#C1> a & b @channel @here @everyone';
    const out = escapeMrkdwn(nasty);
    expect(out).not.toMatch(/<[!@#]/);
    expect(out).not.toMatch(/@(channel|here|everyone)\b/);
    expect(out).toContain('&lt;!channel&gt;');
    expect(out).toContain('a &amp; b');
  });

  it('truncates after escaping without splitting an entity', () => {
    const out = escapeTruncated('&'.repeat(100), 23);
    expect(out.length).toBeLessThanOrEqual(23);
    expect(out.endsWith('…')).toBe(true);
    expect(out.slice(0, -1)).toMatch(/^(&amp;)+$/);
  });

  it('refuses URLs that would break out of a link', () => {
    expect(link('https://a.b/x|<!channel>', 'title')).toBe('title');
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://a.b/?q=1&r=2', 'T<')).toBe('<https://a.b/?q=1&amp;r=2|T&lt;>');
  });
});

describe('renderReply', () => {
  const reply: Reply = {
    text: 'Results for "merging" (1–2 of 2)\n1. Model Merging…',
    cards: [card(), card({ paperId: '2504.09999', url: undefined, upvotes: undefined })],
    ephemeral: true,
    actions: [{ kind: 'run', label: 'Next page', command: 'search', args: { topic: 'merging', page: 2 } }],
  };

  it('renders one section per card with linked title, byline, bolded hits, id context and buttons', () => {
    const msg = renderReply(reply);
    expect(msg.text).toContain('Results for');
    const sections = msg.blocks.filter((b) => b.type === 'section');
    expect(sections).toHaveLength(3);
    const first = allText(sections[1]);
    expect(first).toContain('<https://arxiv.org/abs/2504.01234|Model Merging &amp; You: &lt;b&gt;A Survey&lt;/b&gt;>');
    expect(first).toContain('*model merging*');
    expect(first).toContain('▲ 12');
    expect(first).toContain('2025-04-22');
    const actions = msg.blocks.filter((b) => b.type === 'actions');
    expect(actions).toHaveLength(3);
    const labels = allText(actions[0]);
    expect(labels).toContain('Bookmark');
    expect(labels).toContain('More like this');
    expect(labels).toContain('Share to channel');
    expect(allText(msg.blocks.filter((b) => b.type === 'context'))).toContain('2504.01234');
    expect(allText(actions[2])).toContain('Next page');
  });

  it('puts the paper id in button values, and Next page decodes back to the same command', () => {
    const msg = renderReply(reply);
    const buttons = msg.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])) as Array<{ action_id: string; value: string }>;
    const decoded = buttons.map((b) => decodeAction(b.action_id, b.value));
    expect(decoded).toContainEqual({ kind: 'bookmark', paperId: '2504.01234' });
    expect(decoded).toContainEqual({ kind: 'share', paperId: '2504.09999' });
    expect(decoded).toContainEqual({ kind: 'run', label: 'Next page', command: 'search', args: { topic: 'merging', page: 2 } });
  });

  it('bolds a run of adjacent hits as one', () => {
    const text = cardText(card({ snippet: [{ text: 'a ' }, { text: 'model', hit: true }, { text: ' ' }, { text: 'merging', hit: true }, { text: ', then ' }, { text: 'x', hit: true }] }));
    expect(text).toContain('a *model merging*, then *x*');
  });

  it('keeps every section ≤ 3,000 chars and the message ≤ 50 blocks', () => {
    const huge = card({ title: '<'.repeat(2000), authors: '&'.repeat(2000), snippet: [{ text: 'x&'.repeat(5000) }, { text: 'hit', hit: true }] });
    const msg = renderReply({ text: 'Many\n', cards: Array.from({ length: 40 }, () => huge), ephemeral: true });
    expect(msg.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    for (const b of msg.blocks) {
      if (b.type === 'section') expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(MAX_SECTION_TEXT);
    }
    expect(allText(msg.blocks)).toContain('more not shown');
    expect(cardText(huge).length).toBeLessThanOrEqual(MAX_SECTION_TEXT);
  });

  it('renders a long text-only reply as several sections and always sets fallback text', () => {
    const msg = renderReply({ text: 'line <x>\n'.repeat(2000), ephemeral: true, error: true });
    expect(msg.blocks.length).toBeGreaterThan(1);
    expect(msg.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
    expect(msg.text.length).toBeLessThanOrEqual(3000);
    expect(msg.text).not.toContain('<x>');
    expect(renderReply({ text: '', ephemeral: true }).text).not.toBe('');
  });

  it('renders a small export file as code blocks with its name', () => {
    const msg = renderReply({ text: 'Your export', ephemeral: true, file: { name: 'bookmarks.bib', mime: 'text/plain', content: '@misc{a, title={A <b> & c}}\n' } });
    const s = allText(msg.blocks);
    expect(s).toContain('bookmarks.bib');
    expect(s).toContain('```@misc{a, title={A &lt;b&gt; &amp; c}}');
  });
});

describe('renderOutgoing', () => {
  it('renders a digest paper with Bookmark / More like this but no Share, and a header as text', () => {
    const paper = renderOutgoing({ text: 'Model Merging', card: card() });
    expect(allText(paper.blocks)).toContain('Bookmark');
    expect(allText(paper.blocks)).not.toContain('Share to channel');
    const header = renderOutgoing({ text: 'Daily papers — 2025-04-22 <!channel>' });
    expect(header.blocks).toHaveLength(1);
    expect(allText(header)).not.toContain('<!channel>');
  });
});

describe('action codec', () => {
  it('drops actions whose value would exceed 2,000 chars and rejects forged ids', () => {
    expect(encodeAction({ kind: 'run', label: 'x', command: 'search', args: { topic: 'y'.repeat(2100) } }, 0)).toBeUndefined();
    expect(decodeAction('papers_delete_0', 'x')).toBeUndefined();
    expect(decodeAction('papers_run_0', '{not json')).toBeUndefined();
    expect(decodeAction('papers_run_0', '{"c":"search","a":[]}')).toBeUndefined();
    expect(decodeAction('papers_bookmark_1', '')).toBeUndefined();
  });
});
