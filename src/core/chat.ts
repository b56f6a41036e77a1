import type { HomeView } from './home-view.js';
import type { Caller, OutgoingMessage, Reply, ReplyAction } from './reply.js';

/**
 * What a chat adapter calls. Implemented by commands/chat-core.ts from the command declarations.
 * None of these throw: a UserError becomes an ephemeral error reply with the command's usage line,
 * anything else is logged with an error id and the reply shows that id.
 */
export interface ChatCore {
  /** The text after `/papers` as Slack or the terminal sends it: `search model merging --limit 3`. */
  handleText(text: string, caller: Caller): Promise<Reply>;
  /** Discord: the subcommand path (`['bookmarks', 'export']`) and its typed options. */
  handleCommand(path: string[], options: Record<string, unknown>, caller: Caller): Promise<Reply>;
  /** A button press (Bookmark, More like this, Next page). Share goes through shareMessage. */
  handleAction(action: ReplyAction, caller: Caller): Promise<Reply>;
  /** The channel message the Share button posts for a paper; the adapter posts it, then recordMessage. */
  shareMessage(paperId: string): Promise<OutgoingMessage>;
  /** Remember that a bot message shows this paper, so a 🔖 reaction on it bookmarks it. */
  recordMessage(caller: Pick<Caller, 'platform' | 'channelId'>, messageId: string, paperId: string): Promise<void>;
  /**
   * A reaction added/removed on a message: 🔖 (`bookmark`, the default) bookmarks/unbookmarks its
   * paper, ✅ (`read`) marks it read/unread when bookmarked. Undefined if nothing changed hands.
   */
  reaction(caller: Caller, messageId: string, added: boolean, kind?: 'bookmark' | 'read'): Promise<{ paperId: string } | undefined>;
  /**
   * The paper a bot message recorded in `caller`'s channel shows, changing nothing (a reaction
   * other than 🔖 / ✅, such as the local mode's 👎, needs the paper without bookmarking it).
   * Undefined when no message of that id was recorded there. Throws only on a store failure.
   */
  postedPaper(caller: Pick<Caller, 'platform' | 'channelId'>, messageId: string): Promise<string | undefined>;
  /**
   * The reader of a DM as the subscriber of the personal digest that posted `messageId` there:
   * `caller` with the digest's workspace and `dm:<workspace>:<user>` channel, so 🔖 and buttons act
   * in that workspace (a DM names none, or not reliably). Undefined when no personal digest of this
   * user posted the message (never, or its record was swept as too old). Throws only on a store failure.
   */
  directMessageCaller(caller: Caller, messageId: string): Promise<Caller | undefined>;
  /** The caller's personal page (Slack App Home): reading list first. Throws only on a store failure. */
  home(caller: Caller): Promise<HomeView>;
}
