import type * as z from 'zod';
import type { BookmarkStore } from '../src/core/bookmarks/ports.js';
import type { Clock } from '../src/core/clock.js';
import type { DigestService } from '../src/core/digest/ports.js';
import type { Logger } from '../src/core/logger.js';
import type { Caller, Reply } from '../src/core/reply.js';
import type { ReaderFeedbackStore } from '../src/core/recommend/ports.js';
import type { Recommender } from '../src/core/recommend/recommender.js';
import type { PaperSearch } from '../src/core/search/ports.js';
import type { PaperStore } from '../src/core/store/ports.js';
import type { TrendsReader } from '../src/core/trends/ports.js';
import type { ReadingStore } from '../src/core/reading/ports.js';

/** What a command's `run` may use: the core's ports and who is asking. Never a platform SDK. */
export interface CommandContext {
  caller: Caller;
  store: PaperStore;
  search: PaperSearch;
  /** Absent when the bot runs without the digest engine: digest commands then say so. */
  digests?: DigestService;
  bookmarks: BookmarkStore;
  /** Notes, tags and read state on the caller's bookmarks. */
  reading: ReadingStore;
  clock: Clock;
  logger: Logger;
  /** Absent when the bot runs without recommendations: for-me then says so. */
  recommender?: Recommender;
  feedback?: ReaderFeedbackStore;
  /** Every declared command, for `help`. */
  commands: readonly AnyCommand[];
  /** Absent when the bot runs without it: `trends` then says so. */
  trends?: TrendsReader;
}

/** One `/papers` subcommand, declared once; Discord JSON, the text parser and help come from this. */
export interface CommandDecl<S extends z.ZodObject = z.ZodObject> {
  /** Lowercase, ≤ 32 chars: `search`, or `now` inside the `digest` group. */
  name: string;
  /** The subcommand group (Discord) / first word (text) this command sits under. */
  group?: string;
  /** One line, ≤ 100 chars (Discord's limit). */
  description: string;
  /** Every field `.describe()`d; defaults are applied here, not in `run`. */
  args: S;
  /** Refused for callers whose `isAdmin` is false. */
  admin: boolean;
  /**
   * Fields filled, in order, by the words that are not flags; the last takes the rest of the text.
   * A function picks them from the first word (bookmarks remove <id> / export <format>).
   */
  positional?: readonly string[] | ((firstWord: string | undefined) => readonly string[]);
  /** Replaces the generated usage line when the text forms are richer than the flags show. */
  usage?: string;
  examples?: readonly string[];
  run(args: z.infer<S>, ctx: CommandContext): Promise<Reply>;
}

// Method syntax above keeps `run` bivariant, so every CommandDecl<S> fits in one list.
export type AnyCommand = CommandDecl<z.ZodObject>;

/** Typed identity: checks a declaration and keeps its argument types for `run`. */
export function defineCommand<S extends z.ZodObject>(decl: CommandDecl<S>): CommandDecl<S> {
  return decl;
}

/** ['search'] or ['digest', 'now']. */
export function commandPath(c: Pick<AnyCommand, 'name' | 'group'>): string[] {
  return c.group ? [c.group, c.name] : [c.name];
}

/** 'search' or 'digest now': the words after the top-level command. */
export const commandName = (c: Pick<AnyCommand, 'name' | 'group'>) => commandPath(c).join(' ');
