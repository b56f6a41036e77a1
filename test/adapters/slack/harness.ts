import fs from 'node:fs';
import os from 'node:os';
import { createBot, type Bot } from '../../../src/bot.js';
import type { SlackConfig } from '../../../src/config.js';
import { createFakeClock } from '../../../src/core/clock.js';
import type { ChatCore } from '../../../src/core/chat.js';
import { createRecordingLogger, type Logger } from '../../../src/core/logger.js';
import type { Publisher } from '../../../src/core/publisher.js';
import type { Caller, OutgoingMessage, Reply, ReplyAction } from '../../../src/core/reply.js';
import { createSlackAdapter, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { startFakeSlack, type FakeSlack, type RecordedCall } from '../../fakes/slack/fake-slack.js';
import { blockActionsBody, slashCommandBody, type ButtonClick, type Who } from '../../fakes/slack/payloads.js';
import { postSigned } from '../../fakes/slack/sign.js';
import { SEED_DIGEST } from '../../helpers/test-data.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';

export const SIGNING_SECRET = 'test-signing-secret';

/** A running adapter (HTTP mode) against a fresh fake Slack, with helpers to act as Slack. */
export interface Harness {
  fake: FakeSlack;
  adapter: SlackAdapter;
  logger: ReturnType<typeof createRecordingLogger>;
  eventsUrl: string;
  /** Sends a signed `/papers <text>`; resolves with the HTTP answer and the response_url post it led to. */
  command(text: string, who?: Who): Promise<{ status: number; reply: RecordedCall }>;
  click(click: Omit<ButtonClick, 'responseUrl'>, who?: Who, waitForReply?: boolean): Promise<{ status: number; reply?: RecordedCall; responseUrl: string }>;
  event(body: object): Promise<number>;
  stop(): Promise<void>;
}

export async function startHarness(chat: ChatCore, over: Partial<SlackConfig> = {}, fake?: FakeSlack, onPublisher?: (p: Publisher) => void): Promise<Harness> {
  const f = fake ?? (await startFakeSlack());
  const logger = createRecordingLogger();
  const config: SlackConfig = { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, apiUrl: f.apiUrl, adminUsers: [], port: 0, ...over };
  const adapter = createSlackAdapter({ config, chat, logger: logger as Logger, onPublisher });
  await adapter.start();
  const eventsUrl = `http://127.0.0.1:${adapter.port}/slack/events`;
  return {
    fake: f,
    adapter,
    logger,
    eventsUrl,
    async command(text, who) {
      const responseUrl = f.responseUrl();
      const res = await postSigned({ url: eventsUrl, body: slashCommandBody(text, responseUrl, who), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET });
      const reply = await f.waitFor((c) => c.method === 'response_url' && f.baseUrl + c.path === responseUrl);
      return { status: res.status, reply };
    },
    async click(click, who, waitForReply = true) {
      const responseUrl = f.responseUrl();
      const res = await postSigned({ url: eventsUrl, body: blockActionsBody({ ...click, responseUrl }, who), contentType: 'application/x-www-form-urlencoded', signingSecret: SIGNING_SECRET });
      const reply = waitForReply ? await f.waitFor((c) => c.method === 'response_url' && f.baseUrl + c.path === responseUrl) : undefined;
      return { status: res.status, reply, responseUrl };
    },
    async event(body) {
      const res = await postSigned({ url: eventsUrl, body: JSON.stringify(body), contentType: 'application/json', signingSecret: SIGNING_SECRET });
      return res.status;
    },
    async stop() {
      await adapter.stop();
      await f.close();
    },
  };
}

/** A ChatCore stand-in that records what the adapter asked and answers with fixed replies. */
export function createStubChat(): ChatCore & {
  texts: Array<{ text: string; caller: Caller }>;
  actions: Array<{ action: ReplyAction; caller: Caller }>;
  recorded: Map<string, string>;
  reactions: Array<{ caller: Caller; messageId: string; added: boolean }>;
} {
  const texts: Array<{ text: string; caller: Caller }> = [];
  const actions: Array<{ action: ReplyAction; caller: Caller }> = [];
  const recorded = new Map<string, string>();
  const reactions: Array<{ caller: Caller; messageId: string; added: boolean }> = [];
  const card = (paperId: string) => ({ paperId, title: `Paper ${paperId} & <friends>`, url: `https://arxiv.org/abs/${paperId}`, authors: 'A. Author', digestDates: ['2025-04-22'], upvotes: 3, snippet: [{ text: 'about ' }, { text: 'merging', hit: true }], links: [] });
  return {
    texts,
    actions,
    recorded,
    reactions,
    async handleText(text, caller) {
      texts.push({ text, caller });
      if (text.startsWith('search')) {
        return { text: `Results for "${text.slice(7)}"\n1. Paper 2504.00001`, cards: [card('2504.00001'), card('2504.00002')], ephemeral: true, actions: [{ kind: 'run', label: 'Next page', command: 'search', args: { topic: text.slice(7), page: 2 } }] };
      }
      if (text === 'boom') throw new Error('stub exploded');
      const exp = /^bookmarks export (small|large)$/.exec(text);
      if (exp) {
        const content = exp[1] === 'small' ? '@misc{a,\n  title = {A & <B>}\n}\n' : `@misc{k,\n  title = {${'x'.repeat(300)}}\n}\n`.repeat(1000);
        return { text: 'Your bookmarks (BibTeX)', file: { name: 'bookmarks.bib', mime: 'application/x-bibtex', content }, ephemeral: true };
      }
      return { text: `Unknown command "${text}".\nUsage: /papers help`, ephemeral: true, error: true };
    },
    async handleCommand() {
      return { text: 'n/a', ephemeral: true };
    },
    async handleAction(action, caller) {
      actions.push({ action, caller });
      if (action.kind === 'bookmark') return { text: `Bookmarked ${action.paperId}.`, ephemeral: true };
      if (action.kind === 'run') return { text: 'Results page 2\n', cards: [card('2504.00003')], ephemeral: true };
      return { text: 'Similar papers\n', cards: [card('2504.00004')], ephemeral: true };
    },
    async shareMessage(paperId): Promise<OutgoingMessage> {
      return { text: `Paper ${paperId}`, card: card(paperId) };
    },
    async recordMessage(caller, messageId, paperId) {
      recorded.set(`${caller.channelId}/${messageId}`, paperId);
    },
    async reaction(caller, messageId, added) {
      reactions.push({ caller, messageId, added });
      const paperId = recorded.get(`${caller.channelId}/${messageId}`);
      return paperId ? { paperId } : undefined;
    },
    async postedPaper(caller, messageId) {
      return recorded.get(`${caller.channelId}/${messageId}`);
    },
    async directMessageCaller() {
      return undefined;
    },
    async home() {
      return { unread: [], read: [], totals: { bookmarks: 0, unread: 0 }, tags: [] };
    },
  };
}

export function blocksText(call: RecordedCall): string {
  return JSON.stringify(call.body.blocks ?? []);
}

export type Button = { action_id: string; value: string; text: { text: string } };

/** The buttons of a Block Kit message, in order. */
export function buttons(blocks: unknown): Button[] {
  return ((blocks ?? []) as Array<{ type: string; elements?: Button[] }>).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
}

/** The paper ids a message shows, in order: one Bookmark button per card. */
export function cardPaperIds(blocks: unknown): string[] {
  return buttons(blocks).filter((b) => b.action_id.startsWith('papers_bookmark_')).map((b) => b.value);
}

export { SEED_DIGEST };

/** The real bot over a fresh SQLite file with the seed digest ingested. */
export interface SeededBot {
  bot: Bot;
  clock: ReturnType<typeof createFakeClock>;
  rows(sql: string, ...params: unknown[]): unknown[];
  close(): Promise<void>;
}

export async function startSeededBot(): Promise<SeededBot> {
  const dir = fs.mkdtempSync(`${os.tmpdir()}/papers-`);
  const clock = createFakeClock('2025-04-23T08:00:00Z');
  const bot = await createBot({ dataDir: dir, clock });
  const outcome = await bot.ingest.ingestFile(SEED_DIGEST);
  if (!outcome.ok) throw new Error(`seed digest did not ingest: ${JSON.stringify(outcome)}`);
  return {
    bot,
    clock,
    rows: (sql, ...params) => peekSqlite(dir).prepare(sql).all(...params),
    async close() {
      await bot.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitUntil(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

export type { Reply };
