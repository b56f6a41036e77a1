import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatCore } from '../../core/chat.js';
import type { DigestService } from '../../core/digest/ports.js';
import type { Caller, PaperCard, ReplyFile } from '../../core/reply.js';
import { commands } from '../../../commands/registry.js';
import { renderReply } from './render-text.js';

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
}

export const LOCAL_CALLER: Caller = { platform: 'local', workspaceId: 'local', channelId: 'local', userId: 'local-user', isAdmin: true };

const COMMAND_WORDS = new Set(commands.map((c) => c.group ?? c.name));
const BOOKMARK = /^(🔖|:bookmark:|bookmark)$/u;
const HELP = 'Type /papers help for the commands, react N 🔖 / unreact N 🔖 to (un)bookmark card N of the last reply, quit to leave.';

/**
 * The bot in a terminal: each line is a chat message. `/papers …` runs a command; `react N 🔖`
 * takes the same path as a platform's reaction event (every card shown is recorded as a message
 * `local-<n>`, then ChatCore.reaction is called on it). Resolves at EOF or `quit`.
 */
export async function runLocalMode(opts: LocalModeOptions): Promise<void> {
  const { chat, output } = opts;
  const caller = opts.caller ?? LOCAL_CALLER;
  const interactive = opts.interactive ?? Boolean((opts.input as { isTTY?: boolean }).isTTY);
  const say = (s: string) => output.write(s.endsWith('\n') ? s : `${s}\n`);
  // Card number in the last reply → the message id it was recorded under, and the card.
  let shown = new Map<string, { messageId: string; card: PaperCard }>();
  let messageCount = 0;

  async function command(text: string): Promise<void> {
    const reply = await chat.handleText(text, caller);
    if (reply.cards?.length) {
      shown = new Map();
      for (const [i, card] of reply.cards.entries()) {
        const messageId = `local-${++messageCount}`;
        await chat.recordMessage(caller, messageId, card.paperId);
        shown.set(String(i + 1), { messageId, card });
      }
    }
    say(renderReply(reply));
    if (reply.file) say(`Saved to ${await saveFile(opts.exportDir, reply.file)}`);
  }

  async function react(added: boolean, target: string | undefined, emoji: string | undefined): Promise<void> {
    const verb = added ? 'react' : 'unreact';
    if (!target) return void say(`Say which card: ${verb} N 🔖 (N from the last reply).`);
    if (emoji && !BOOKMARK.test(emoji)) return void say(`Only 🔖 does something here: ${verb} ${target} 🔖`);
    const entry = shown.get(target);
    const messageId = entry?.messageId ?? (/^local-(post-)?\d+$/.test(target) ? target : undefined);
    if (!messageId) {
      return void say(shown.size ? `No card ${target} in the last reply (1-${shown.size}).` : 'No cards shown yet: run /papers search <topic> first.');
    }
    const result = await chat.reaction(caller, messageId, added);
    if (!result) return void say(`Message ${target} shows no paper.`);
    const title = entry?.card.title ?? (await chat.shareMessage(result.paperId).then((m) => m.card?.title, () => undefined)) ?? result.paperId;
    say(added ? `🔖 Bookmarked "${title}".` : `Removed "${title}" from your bookmarks.`);
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
async function saveFile(dir: string, file: ReplyFile): Promise<string> {
  await mkdir(dir, { recursive: true });
  const ext = extname(file.name);
  const stem = file.name.slice(0, file.name.length - ext.length).replace(/[^\w.-]/g, '_');
  let path = resolve(join(dir, `${stem}${ext}`));
  for (let i = 2; existsSync(path); i++) path = resolve(join(dir, `${stem}-${i}${ext}`));
  await writeFile(path, file.content);
  return path;
}
