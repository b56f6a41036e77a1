import type { ChatCore } from '../../../src/core/chat.js';
import type { Caller, OutgoingMessage, PaperCard, Reply, ReplyAction } from '../../../src/core/reply.js';

export function card(paperId: string, title = `Paper ${paperId}`): PaperCard {
  return {
    paperId,
    title,
    url: `https://arxiv.org/abs/${paperId}`,
    authors: 'A. Lovelace, C. Babbage',
    digestDates: ['2024-04-22'],
    upvotes: 12,
    snippet: [{ text: 'We study ' }, { text: 'model merging', hit: true }, { text: ' at scale.' }],
    links: ['https://github.com/x/y'],
  };
}

/**
 * A ChatCore that records every call and answers from small rules: enough to test the adapter
 * without the command layer. Bookmarks and the message → paper map live in memory.
 */
export function createStubChat(opts: { delayMs?: number } = {}) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const messages = new Map<string, string>();
  const bookmarks = new Set<string>();
  const wait = () => (opts.delayMs ? new Promise((r) => setTimeout(r, opts.delayMs)) : Promise.resolve());
  const chat: ChatCore & { calls: typeof calls; messages: typeof messages; bookmarks: typeof bookmarks; failNext?: Error } = {
    calls,
    messages,
    bookmarks,
    async handleText(text, caller) {
      calls.push({ method: 'handleText', args: [text, caller] });
      return { text: 'ok', ephemeral: true };
    },
    async handleCommand(path, options, caller): Promise<Reply> {
      calls.push({ method: 'handleCommand', args: [path, options, caller] });
      await wait();
      if (chat.failNext) {
        const e = chat.failNext;
        chat.failNext = undefined;
        throw e;
      }
      const cmd = path.join(' ');
      if (cmd === 'search') {
        if (typeof options.topic !== 'string' || !options.topic) return { text: 'Say what to search for.\nUsage: /papers search topic:<words>', ephemeral: true, error: true };
        return {
          text: `Results for “${options.topic}” (page 1 of 2)\n1. Paper 2404.00001\n2. Paper 2404.00002`,
          cards: [card('2404.00001'), card('2404.00002')],
          ephemeral: true,
          actions: [{ kind: 'run', label: 'Next page', command: 'search', args: { topic: options.topic, page: 2 } }],
        };
      }
      if (cmd === 'bookmarks export') return { text: 'Your bookmarks', ephemeral: true, file: { name: 'bookmarks.bib', mime: 'text/plain', content: '@article{x}' } };
      if (cmd === 'digest now') {
        if (!caller.isAdmin) return { text: 'Only members with Manage Server can do that.', ephemeral: true, error: true };
        return { text: 'Posting the digest.', ephemeral: false };
      }
      return { text: `Unknown command “${cmd}”.\nUsage: /papers help`, ephemeral: true, error: true };
    },
    async handleAction(action: ReplyAction, caller: Caller): Promise<Reply> {
      calls.push({ method: 'handleAction', args: [action, caller] });
      await wait();
      if (action.kind === 'bookmark') {
        bookmarks.add(`${caller.userId}:${action.paperId}`);
        return { text: `Bookmarked ${action.paperId}.`, ephemeral: true };
      }
      if (action.kind === 'run') return { text: `Page ${String(action.args.page)}`, cards: [card('2404.00003')], ephemeral: true };
      return { text: `Papers like ${action.kind === 'similar' ? action.paperId : '?'}`, cards: [card('2404.00009')], ephemeral: true };
    },
    async shareMessage(paperId: string): Promise<OutgoingMessage> {
      calls.push({ method: 'shareMessage', args: [paperId] });
      return { text: `Paper ${paperId}`, card: card(paperId) };
    },
    async recordMessage(caller, messageId, paperId) {
      calls.push({ method: 'recordMessage', args: [caller, messageId, paperId] });
      messages.set(messageId, paperId);
    },
    async directMessageCaller(caller, messageId) {
      calls.push({ method: 'directMessageCaller', args: [caller, messageId] });
      return undefined;
    },
    async home() {
      return { unread: [], read: [], totals: { bookmarks: 0, unread: 0 }, tags: [] };
    },
    async postedPaper(_caller, messageId) {
      return messages.get(messageId);
    },
    async reaction(caller, messageId, added) {
      calls.push({ method: 'reaction', args: [caller, messageId, added] });
      const paperId = messages.get(messageId);
      if (!paperId) return undefined;
      if (added) bookmarks.add(`${caller.userId}:${paperId}`);
      else bookmarks.delete(`${caller.userId}:${paperId}`);
      return { paperId };
    },
  };
  return chat;
}
