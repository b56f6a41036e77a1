import { randomBytes } from 'node:crypto';
import type { BookmarkStore } from '../src/core/bookmarks/ports.js';
import { toCard } from '../src/core/cards.js';
import type { ChatCore } from '../src/core/chat.js';
import type { Clock } from '../src/core/clock.js';
import { callerOfDmChannel } from '../src/core/direct-messages.js';
import type { DigestService } from '../src/core/digest/ports.js';
import type { DmNoticeStore } from '../src/core/digest/dm-notice-store.js';
import { RecommenderNotReady, UserError } from '../src/core/errors.js';
import type { Logger } from '../src/core/logger.js';
import { bestLink } from '../src/core/paper.js';
import type { Caller, OutgoingMessage, Reply } from '../src/core/reply.js';
import type { ReaderFeedbackStore } from '../src/core/recommend/ports.js';
import type { Recommender } from '../src/core/recommend/recommender.js';
import type { PaperSearch } from '../src/core/search/ports.js';
import type { PaperStore } from '../src/core/store/ports.js';
import type { TrendsReader } from '../src/core/trends/ports.js';
import type { ReadingStore } from '../src/core/reading/ports.js';
import { markRead } from './mark-read.js';
import { buildHomeView, type ForMePicks } from './home.js';
import { forMeCommand } from './for-me.js';
import { argInfos } from './arg-info.js';
import { usageLine } from './help-text.js';
import { commands as allCommands, findCommand } from './registry.js';
import { rootOf, typedName } from './roots.js';
import { overallUsage } from './suggest.js';
import { notInterested } from './not-interested.js';
import { parseCommandText } from './text-parser.js';
import type { AnyCommand, CommandContext } from './types.js';
import { validateArgs, type LabelStyle } from './validate.js';

export interface ChatCoreDeps {
  store: PaperStore;
  search: PaperSearch;
  digests?: DigestService;
  bookmarks: BookmarkStore;
  reading: ReadingStore;
  logger: Logger;
  clock: Clock;
  /** Accepted for the composition root; export files travel in Reply.file and adapters write them. */
  exportDir?: string;
  recommender?: Recommender;
  feedback?: ReaderFeedbackStore;
  /** HOOK(recommend): for-me picks shown on the Home tab; absent until the recommender is wired in main. */
  forMe?: ForMePicks;
  /** Defaults to every declared command (tests may pass fewer or extra). */
  commands?: readonly AnyCommand[];
  /** The store reads behind `/papers trends`. */
  trends?: TrendsReader;
  /** Readers whose personal digest (by DM) was paused are told here once, at their next /papers. */
  dmNotices?: DmNoticeStore;
}

const ADMIN_HINT: Record<Caller['platform'], string> = {
  discord: 'Manage Server',
  slack: 'workspace admin or owner',
  local: 'admin',
};

/** ChatCore over the command declarations: the one catch of every chat entry point lives here. */
export function createChatCore(deps: ChatCoreDeps): ChatCore {
  const list = deps.commands ?? allCommands;
  const log = deps.logger.child({ component: 'chat' });

  /** UserError → ephemeral error reply with usage (of `command`, once known); anything else → logged with an error id. */
  async function guarded(caller: Caller, what: string, command: () => AnyCommand | undefined, work: () => Promise<Reply>): Promise<Reply> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof UserError) {
        const c = command();
        // Usage lines from deeper layers (the digest engine) may omit the command's prefix.
        const given = err.usage && !err.usage.startsWith('/') ? `/${rootOf(c, caller.platform)} ${err.usage}` : err.usage;
        const hint = given ?? (c && usageLine(c, caller.platform));
        return { text: hint ? `${err.message}\n${hint}` : err.message, ephemeral: true, error: true };
      }
      // Not a failure: the first model is still being fitted (minutes on a large archive).
      if (err instanceof RecommenderNotReady) return { text: err.message, ephemeral: true };
      const errorId = randomBytes(4).toString('hex');
      log.error({ err, errorId, command: what, platform: caller.platform, workspaceId: caller.workspaceId, channelId: caller.channelId, userId: caller.userId }, 'command failed');
      return { text: `Something went wrong on our side (error id ${errorId}). Please try again; if it keeps happening, tell the bot's admin this id.`, ephemeral: true, error: true };
    }
  }

  /**
   * The one-time notice of a paused personal digest goes ahead of the caller's next private reply
   * (never a channel-visible one: it is theirs). Taking it removes it, so it is shown once.
   */
  async function withNotice(caller: Caller, reply: Reply): Promise<Reply> {
    if (!deps.dmNotices || !reply.ephemeral) return reply;
    try {
      const n = await deps.dmNotices.take(caller);
      if (!n) return reply;
      const notice = `⚠️ Your personal digest by direct message is paused: I could not send you a direct message (${n.reason}). Allow direct messages from this bot, then run /papers for-me subscribe again to resume it.`;
      return { ...reply, text: `${notice}\n\n${reply.text}` };
    } catch (err) {
      // The reply itself matters more than the notice; the notice stays for next time.
      log.warn({ err, platform: caller.platform, userId: caller.userId }, 'could not read the personal digest notice');
      return reply;
    }
  }

  async function run(c: AnyCommand, raw: Record<string, unknown>, caller: Caller, style: LabelStyle, positional?: readonly string[]): Promise<Reply> {
    if (c.admin && !caller.isAdmin) {
      throw new UserError(`${typedName(c, caller.platform)} is for admins (${ADMIN_HINT[caller.platform]}).`, usageLine(c, caller.platform));
    }
    const args = validateArgs(c, raw, style, positional, caller.platform);
    return c.run(args, contextFor(caller));
  }

  function contextFor(caller: Caller): CommandContext {
    return { caller, store: deps.store, search: deps.search, digests: deps.digests, bookmarks: deps.bookmarks, reading: deps.reading, clock: deps.clock, logger: log, commands: list, recommender: deps.recommender, feedback: deps.feedback, trends: deps.trends };
  }

  /** The Home tab's for-me picks: the first page of /papers for-me over the last week (cards only). */
  const forMePicks: ForMePicks | undefined =
    deps.forMe ??
    (deps.recommender && deps.feedback
      ? async (caller, limit) => {
          try {
            return ((await forMeCommand.run({ action: 'show', days: '7', page: 1 }, contextFor(caller))).cards ?? []).slice(0, limit);
          } catch (err) {
            // The recommender's first fit is running: the Home tab shows the rest without picks.
            if (err instanceof RecommenderNotReady) return [];
            throw err;
          }
        }
      : undefined);

  async function bookmark(caller: Caller, paperId: string): Promise<Reply> {
    const paper = await deps.store.getPaper(paperId);
    if (!paper) throw new UserError(`No paper with id ${paperId} in the store.`);
    const { added } = await deps.bookmarks.add(caller, paper.id);
    return { text: added ? `Bookmarked "${paper.title}". /papers bookmarks lists yours.` : `"${paper.title}" is already in your bookmarks.`, ephemeral: true };
  }

  /** The only entry point that throws (UserError, unknown id): the adapter has nothing to post then. */
  async function shareMessage(paperId: string): Promise<OutgoingMessage> {
    const paper = await deps.store.getPaper(paperId);
    if (!paper) throw new UserError(`No paper with id ${paperId} in the store.`);
    const card = toCard(paper);
    return { text: [paper.title, bestLink(paper), card.authors].filter(Boolean).join('\n'), card };
  }

  return {
    handleText(text, caller) {
      let command: AnyCommand | undefined;
      return guarded(caller, text.slice(0, 100), () => command, async () => {
        const parsed = parseCommandText(typeof text === 'string' ? text : '', list);
        command = parsed.command;
        return run(parsed.command, parsed.args, caller, 'text', parsed.positional);
      }).then((reply) => withNotice(caller, reply));
    },

    handleCommand(path, options, caller) {
      const c = findCommand(path, list);
      return guarded(caller, path.join(' '), () => c, async () => {
        if (!c) throw new UserError(`Unknown command '${path.join(' ')}'.`, overallUsage(list, caller.platform));
        // Discord sends option names (has-code); the schema speaks fields (hasCode).
        const infos = argInfos(c.args);
        const raw: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(options)) {
          if (v === undefined || v === null) continue;
          raw[infos.find((a) => a.option === k || a.field === k)?.field ?? k] = v;
        }
        return run(c, raw, caller, 'options');
      }).then((reply) => withNotice(caller, reply));
    },

    handleAction(action, caller) {
      return guarded(caller, `action:${action.kind}`, () => undefined, async () => {
        switch (action.kind) {
          case 'bookmark':
            return bookmark(caller, action.paperId);
          case 'read':
            return { text: await markRead(deps, caller, action.paperId, true), ephemeral: true };
          case 'similar':
            return run(findCommand(['similar'], list)!, { id: action.paperId }, caller, 'options');
          case 'share': {
            const message = await shareMessage(action.paperId);
            return { text: message.text, cards: message.card ? [message.card] : [], ephemeral: false };
          }
          case 'dismiss':
          case 'undismiss':
            return notInterested(deps, caller, action.paperId, action.kind === 'dismiss');
          case 'run': {
            const c = findCommand(action.command.split(' '), list);
            if (!c) throw new UserError(`Unknown command '${action.command}'.`, overallUsage(list, caller.platform));
            const raw = Object.fromEntries(Object.entries(action.args).filter(([, v]) => v !== undefined && v !== null));
            return run(c, raw, caller, 'options');
          }
          default:
            throw new UserError('This button is not known any more.');
        }
      });
    },

    shareMessage,

    async recordMessage(caller, messageId, paperId) {
      // Posting already happened; a failed record only costs 🔖 on that message, so log, don't throw.
      try {
        await deps.bookmarks.recordMessage({ platform: caller.platform, channelId: caller.channelId, messageId }, paperId);
      } catch (err) {
        log.error({ err, errorId: randomBytes(4).toString('hex'), messageId, paperId, platform: caller.platform, channelId: caller.channelId }, 'recording a message failed');
      }
    },

    async directMessageCaller(caller, messageId) {
      const row = await deps.bookmarks.directMessage({ platform: caller.platform, userId: caller.userId, messageId });
      return row && callerOfDmChannel(caller, row.channelId);
    },

    postedPaper(caller, messageId) {
      return deps.bookmarks.paperForMessage({ platform: caller.platform, channelId: caller.channelId, messageId });
    },

    home(caller) {
      return buildHomeView({ store: deps.store, reading: deps.reading, caller }, forMePicks);
    },

    async reaction(caller, messageId, added, kind = 'bookmark') {
      try {
        const paperId = await deps.bookmarks.paperForMessage({ platform: caller.platform, channelId: caller.channelId, messageId });
        if (!paperId) return undefined;
        // ✅ marks read only what is bookmarked (the reading list); on anything else it changes nothing.
        if (kind === 'read') {
          if (!(await deps.bookmarks.has(caller, paperId))) return undefined;
          await deps.reading.setRead(caller, paperId, added);
        } else if (added) await deps.bookmarks.add(caller, paperId);
        else await deps.bookmarks.remove(caller, paperId);
        return { paperId };
      } catch (err) {
        log.error({ err, errorId: randomBytes(4).toString('hex'), messageId, platform: caller.platform, userId: caller.userId }, 'reaction failed');
        return undefined;
      }
    },
  };
}
