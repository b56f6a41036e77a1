import { bookmarksCommand } from './bookmarks.js';
import { digestNowCommand } from './digest-now.js';
import { digestPreviewCommand } from './digest-preview.js';
import { forMeCommand } from './for-me.js';
import { helpCommand } from './help.js';
import { searchCommand } from './search.js';
import { showCommand } from './show.js';
import { similarCommand } from './similar.js';
import { subscribeCommand } from './subscribe.js';
import { subscriptionsCommand } from './subscriptions.js';
import { topCommand } from './top.js';
import { trendsCommand } from './trends.js';
import { unsubscribeCommand } from './unsubscribe.js';
import { noteCommand } from './note.js';
import { readCommand, unreadCommand } from './read.js';
import { tagCommand, untagCommand } from './tag.js';
import type { AnyCommand } from './types.js';

/** Every `/papers` subcommand, in the order help lists them. */
export const commands: readonly AnyCommand[] = [
  searchCommand,
  showCommand,
  similarCommand,
  topCommand,
  trendsCommand,
  bookmarksCommand,
  digestPreviewCommand,
  digestNowCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  helpCommand,
  noteCommand,
  tagCommand,
  untagCommand,
  readCommand,
  unreadCommand,
  forMeCommand,
] as AnyCommand[];

/**
 * Descriptions of subcommand groups (Discord needs one per group). On Discord a group can be split
 * over top-level commands (`/papers digest preview`, `/papers-admin digest now`), so each must fit both.
 */
export const groups: Readonly<Record<string, string>> = {
  digest: "This channel's digest",
};

/** The command at this path (['search'], ['digest', 'now']), if any. */
export function findCommand(path: readonly string[], list: readonly AnyCommand[] = commands): AnyCommand | undefined {
  const [a, b] = path.map((p) => p.toLowerCase());
  return list.find((c) => (c.group ? c.group === a && c.name === b : c.name === a && path.length === 1));
}
