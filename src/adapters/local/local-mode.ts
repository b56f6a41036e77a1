import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatCore } from '../../core/chat.js';
import type { DigestService } from '../../core/digest/ports.js';
import type { Caller, PaperCard, ReplyFile } from '../../core/reply.js';
import { commands } from '../../../commands/registry.js';
import { actionHint, renderReply } from './render-text.js';

export interface LocalModeOptions {
  chat: ChatCore;
  /** Not used by the mode itself: scheduled digests reach the terminal through createLocalPublisher. */
  digests?: DigestService;
  input: Readable;
  output: Writable;
  /** Defaults to one local admin user in channel `local`. */
  caller?: Caller;
  /** Where `bookmarks export` writes its files. */
  exportDir: string;
  /** Show a banner and a `> ` prompt (default: when the input is a terminal). */
  interactive?: boolean;
  /** Aborted at shutdown: the line being answered finishes, no further line is read. */
  signal?: AbortSignal;
  /** How many of the latest cards shown a reaction can still refer to (default MAX_RECENT_CARDS). */
  recentCards?: number;
}

/**
 * Cards a `react` can refer to: the last ~100 replies' worth. A card is recorded as a message only
 * when it is reacted to (10,000 searches recorded 54,537 rows when every card shown was), so what a
 * long session keeps is this map, bounded, not the database.
 */
export const MAX_RECENT_CARDS = 500;

export const LOCAL_CALLER: Caller = { platform: 'local', workspaceId: 'local', channelId: 'local', userId: 'local-user', isAdmin: true };

const COMMAND_WORDS = new Set(commands.map((c) => c.group ?? c.name));
const BOOKMARK = /^(🔖|:bookmark:|bookmark)$/u;
/** 👎 on a recommendation: not interested (unreact undoes it), as the platforms' button does. */
const NOT_INTERESTED = /^(👎|:thumbsdown:|:-1:)$/u;
const READ = /^(✅|:white_check_mark:|read)$/u;
const HELP = 'Type /papers help for the commands, react N 🔖 / unreact N 🔖 to (un)bookmark card N of the last reply, react N ✅ to mark it read, react N 👎 on a for-me pick or a personal digest post for not interested, quit to leave.';

/**
 * The bot in a terminal: each line is a chat message. `/papers …` runs a command; `react N 🔖`
 * takes the same path as a platform's reaction event (the card is recorded as a message `local-<n>`,
 * then ChatCore.reaction is called on it). Resolves at EOF or `quit`.
 */
export async function runLocalMode(opts: LocalModeOptions): Promise<void> {
  const { chat, output } = opts;
  const caller = opts.caller ?? LOCAL_CALLER;
  const interactive = opts.interactive ?? Boolean((opts.input as { isTTY?: boolean }).isTTY);
  const say = (s: string) => output.write(s.endsWith('\n') ? s : `${s}\n`);
  // Card number in the last reply → the message id it is known by, and the card.
  let shown = new Map<string, { messageId: string; card: PaperCard }>();
  // Message id → card, for the latest cards only (oldest first: a Map keeps insertion order).
  const recent = new Map<string, PaperCard>();
  const maxRecent = Math.max(1, opts.recentCards ?? MAX_RECENT_CARDS);
  let messageCount = 0;

  async function command(text: string): Promise<void> {
    const reply = await chat.handleText(text, caller);
    if (reply.cards?.length) {
      shown = new Map();
      for (const [i, card] of reply.cards.entries()) {
        const messageId = `local-${++messageCount}`;
        shown.set(String(i + 1), { messageId, card });
        recent.set(messageId, card);
        if (recent.size > maxRecent) recent.delete(recent.keys().next().value!);
      }
    }
    say(renderReply(reply));
    if (reply.file) say(`Saved to ${await saveFile(opts.exportDir, reply.file)}`);
    // The terminal shows no pictures: the file is written and its path printed instead.
    if (reply.image) say(`Picture saved to ${await saveFile(opts.exportDir, { name: reply.image.name, content: reply.image.data })}`);
  }

  async function react(added: boolean, target: string | undefined, emoji: string | undefined): Promise<void> {
    const verb = added ? 'react' : 'unreact';
    if (!target) return void say(`Say which card: ${verb} N 🔖 (N from the last reply).`);
    const entry = shown.get(target);
    if (emoji && NOT_INTERESTED.test(emoji)) return notInterested(added, target, entry?.card);
    const kind = !emoji || BOOKMARK.test(emoji) ? 'bookmark' : READ.test(emoji) ? 'read' : undefined;
    if (!kind) return void say(`Only 🔖 and ✅ do something here (and 👎 on a for-me pick or a personal digest post): ${verb} ${target} 🔖`);
    const messageId = entry?.messageId ?? (/^local-(post-)?\d+$/.test(target) ? target : undefined);
    if (!messageId) {
      return void say(shown.size ? `No card ${target} in the last reply (1-${shown.size}).` : 'No cards shown yet: run /papers search <topic> first.');
    }
    // A shown card becomes a message row now, when something can refer to it. Digest posts
    // (`local-post-N`) were recorded by the digest engine when posted.
    const card = entry?.card ?? recent.get(messageId);
    if (card) await chat.recordMessage(caller, messageId, card.paperId);
    else if (!messageId.startsWith('local-post-')) {
      // Never fall back to the table for a search card: `local-N` numbering restarts with each
      // session, so a row there may be an earlier session's card N.
      const n = Number(messageId.slice('local-'.length));
      if (n <= messageCount) {
        return void say(`Card ${messageId} was shown too long ago: only the last ${maxRecent} cards shown can be reacted to. Show it again (/papers show <id>) and react to the new card.`);
      }
      return void say(messageCount ? `No card ${messageId} has been shown yet (the latest is local-${messageCount}).` : 'No cards shown yet: run /papers search <topic> first.');
    }
    let result = await chat.reaction(caller, messageId, added, kind);
    // Not a post here: a personal digest's (printed under [#dm-<user>]) is recorded under its `dm:` channel.
    if (!result && messageId.startsWith('local-post-')) {
      const reader = await chat.directMessageCaller(caller, messageId);
      if (reader) result = await chat.reaction(reader, messageId, added, kind);
    }
    if (!result) return void say(kind === 'read' ? `Card ${target} is not in your bookmarks: nothing marked read. Bookmark it first (react ${target} 🔖).` : `Message ${target} shows no paper.`);
    const title = card?.title ?? (await chat.shareMessage(result.paperId).then((m) => m.card?.title, () => undefined)) ?? result.paperId;
    if (kind === 'read') say(added ? `✅ Marked "${title}" read.` : `Marked "${title}" unread.`);
    else say(added ? `🔖 Bookmarked "${title}".` : `Removed "${title}" from your bookmarks.`);
  }

  /**
   * 👎 on a recommendation, as the platforms' Not interested button: a for-me card of the last
   * reply, or a post of a personal digest (`local-post-N` under [#dm-<user>]), for that digest's
   * reader. Unreact is the Undo. The DM post's paper is looked up without reacting to it (a 🔖 path
   * would bookmark it).
   */
  async function notInterested(added: boolean, target: string, card: PaperCard | undefined): Promise<void> {
    let paperId = card?.dismissable ? card.paperId : undefined;
    let reader: Caller | undefined = caller;
    if (!card && /^local-post-\d+$/.test(target)) {
      reader = await chat.directMessageCaller(caller, target);
      paperId = reader && (await chat.postedPaper(reader, target));
    }
    if (!paperId || !reader) {
      return void say(`👎 (not interested) is for recommendations: a /papers for-me pick, or a post of your personal digest. ${/^local-post-/.test(target) ? 'Message' : 'Card'} ${target} is neither.`);
    }
    const reply = await chat.handleAction({ kind: added ? 'dismiss' : 'undismiss', paperId }, reader);
    const undo = reply.actions?.find((a) => a.kind === 'undismiss');
    const hint = undo && actionHint(undo, target);
    say(reply.error ? `⚠ ${reply.text}` : hint ? `${reply.text}\n  → ${hint}` : reply.text);
  }

  async function line(raw: string): Promise<boolean> {
    const text = raw.trim();
    if (!text || text.startsWith('#')) return true;
    const m = /^(\/?papers)(?:\s+(.*))?$/is.exec(text);
    const first = text.split(/\s+/)[0]!.toLowerCase();
    if (m) await command(m[2] ?? '');
    // `search merging` without the prefix is clearly meant as a command.
    else if (COMMAND_WORDS.has(first)) await command(text);
    else if (/^(quit|exit)$/i.test(text)) return false;
    else if (text === '?') await command('help');
    else {
      const r = /^(react|unreact)(?:\s+(\S+))?(?:\s+(\S+))?\s*$/iu.exec(text);
      if (r) await react(r[1]!.toLowerCase() === 'react', r[2], r[3]);
      else say(`Not a command. ${HELP}`);
    }
    return true;
  }

  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
  if (interactive) say(`papers-bot local chat mode. ${HELP}`);
  const prompt = () => interactive && output.write('> ');
  prompt();
  opts.signal?.addEventListener('abort', () => rl.close(), { once: true });
  for await (const raw of rl) {
    // Answering a line can run on promises alone (SQLite is synchronous): without a turn of the
    // event loop between lines a SIGTERM is not even seen until every queued line is answered.
    await new Promise((r) => setImmediate(r));
    if (opts.signal?.aborted) break;
    let go = true;
    try {
      go = await line(raw);
    } catch (err) {
      // ChatCore does not throw; this is the mode's own failure (a file it could not write).
      say(`⚠ ${(err as Error).message}`);
    }
    if (!go) break;
    prompt();
  }
  rl.close();
}

/** Writes the export under dir without overwriting an earlier one (name-2.bib, name-3.bib…). */
export async function saveFile(dir: string, file: Pick<ReplyFile, 'name'> & { content: string | Uint8Array }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const ext = extname(file.name);
  const stem = file.name.slice(0, file.name.length - ext.length).replace(/[^\w.-]/g, '_');
  let path = resolve(join(dir, `${stem}${ext}`));
  for (let i = 2; existsSync(path); i++) path = resolve(join(dir, `${stem}-${i}${ext}`));
  await writeFile(path, file.content);
  return path;
}
