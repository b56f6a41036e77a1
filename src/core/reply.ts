/**
 * Platform-neutral replies. Commands return these; adapters render them (Block Kit, embeds, terminal).
 * Nothing here knows a platform: marks, links and actions are data, not markup.
 */

/** A piece of a snippet; `hit` pieces are the matched words (adapters bold/underline them). */
export interface SnippetPart {
  text: string;
  hit?: boolean;
}

/** One paper as shown in a list: a search result, a digest post, a bookmark. */
export interface PaperCard {
  paperId: string;
  title: string;
  /** arXiv abs page, else the best link. */
  url?: string;
  /** Already shortened ("A. Author, B. Author et al."). */
  authors: string;
  /** Digest dates the paper appeared in, ascending. */
  digestDates: string[];
  upvotes?: number;
  snippet: SnippetPart[];
  /** Code / project links. */
  links: string[];
  score?: number;
  /** A recommendation: adapters add a 👎 Not interested action (a button, or a reaction in the local mode). */
  dismissable?: boolean;
  /** One line on what the paper does, shown first under the title (see cards.ts tldrLine). */
  tldr?: CardTldr;
  /** The caller's own reading-list state, on cards of their bookmarks (see cards.ts readingLine). */
  reading?: CardReading;
}

/** Hugging Face's `ai_summary` when known, else the sentence extracted from the abstract at ingest. */
export interface CardTldr {
  text: string;
  source: 'hf' | 'extracted';
}

/** A bookmark's private annotations, as its owner sees them. */
export interface CardReading {
  read: boolean;
  tags: string[];
  /** The start of the note, already shortened. */
  note?: string;
}

/** Something a person can click (or, in the local mode, type) under a reply or a card. */
export type ReplyAction =
  | { kind: 'bookmark'; paperId: string }
  /** Mark read in the caller's reading list (only a bookmarked paper). */
  | { kind: 'read'; paperId: string }
  | { kind: 'similar'; paperId: string }
  | { kind: 'share'; paperId: string }
  /** Not interested (a recommendation): a negative example from then on; `undismiss` undoes it. */
  | { kind: 'dismiss'; paperId: string }
  | { kind: 'undismiss'; paperId: string }
  /** Run the same command again with these (full) arguments, e.g. the next page. */
  | { kind: 'run'; label: string; command: string; args: Record<string, unknown> };

export interface ReplyFile {
  name: string;
  mime: string;
  content: string;
}

/** A picture to show with a reply or a post (the trends chart); each adapter attaches it its own way. */
export interface ReplyImage {
  /** File name with extension, e.g. trends-2025-08-29.png. */
  name: string;
  mime: 'image/png';
  data: Uint8Array;
  /** What the picture shows, for screen readers and where images are off. */
  alt: string;
  width: number;
  height: number;
}

export interface Reply {
  /** Always set: the plain-text rendering, used as the fallback text on every platform. */
  text: string;
  /** Paper cards; each card gets Bookmark / More like this / Share actions from the adapter. */
  cards?: PaperCard[];
  /** A file to attach (bookmark exports). */
  file?: ReplyFile;
  /** A picture shown in the message (trends); the text must stand on its own where images are off. */
  image?: ReplyImage;
  /** Shown only to the caller. Errors and search results are ephemeral by default. */
  ephemeral: boolean;
  /** Reply-level actions such as Next page. */
  actions?: ReplyAction[];
  /** True when this reply reports a problem with the caller's input (or an internal error id). */
  error?: boolean;
}

/** Who is asking, as the adapter tells the core. */
export interface Caller {
  platform: 'discord' | 'slack' | 'local';
  /** Discord guild id, Slack team id, 'local'. Bookmarks belong to (platform, workspace, user). */
  workspaceId: string;
  channelId: string;
  userId: string;
  /** The adapter decides (Manage Server on Discord, admin/owner or SLACK_ADMIN_USERS on Slack). */
  isAdmin: boolean;
  /**
   * The most cards this platform shows in one reply (Discord: embeds a message, Slack: what fits in
   * its blocks). Paging commands page by at most this many, so Next page never skips cards the
   * platform had to leave out. Absent: no limit beyond the command's own.
   */
  maxCards?: number;
}

/** A message a digest or a Share button sends into a channel. */
export interface OutgoingMessage {
  text: string;
  /** Present when the message shows exactly one paper: the publisher renders it, the core records it. */
  card?: PaperCard;
  /** A picture posted with the text (the weekly trends chart). */
  image?: ReplyImage;
}
