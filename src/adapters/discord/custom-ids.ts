import type { ReplyAction } from '../../core/reply.js';
import { LIMITS } from './limits.js';

/**
 * ReplyAction ⇄ Discord component `custom_id` (≤ 100 chars). A click on an ephemeral reply carries
 * only the custom_id and the message it sits on, so the action travels in it:
 * `p:bm:<paperId>`, `p:sim:<paperId>`, `p:sh:<paperId>`, `p:ni:<paperId>` (not interested),
 * `p:un:<paperId>` (its undo), `p:run:<json {c,a}>` (the label comes back
 * from the clicked button).
 * Paper ids that do not fit (title-based ids of papers without an arXiv id run past 100 chars) are
 * sent as `p:bm:#<n>`: the paper of the n-th embed of the clicked message, whose footer shows the id.
 * That survives restarts. A `run` whose arguments do not fit (a very long topic) is kept in a bounded
 * in-memory table as `p:ref:<key>`; that button stops working after a restart and the person is
 * asked to run the command again.
 *
 * Our answers to clicks in a DM carry the server (workspace) they act in after the kind:
 * `p:un@<guildId>:<paperId>`, `p:pick@<guildId>:bm`. A DM names no server, and an ephemeral
 * answer is recorded nowhere and cannot be fetched: only the digest post it answers is known, and
 * only for one hop (Discord names the clicked message in the answer's interaction metadata, not the
 * one before it). With the server in the button, an answer to an answer (More like this, then a
 * button on those results) needs no tracing at all. Discord delivers only the custom_ids of the
 * components we put on the message, and what it selects is the clicker's own data in that server.
 */

const KIND_CODE = { bookmark: 'bm', similar: 'sim', share: 'sh', read: 'rd', dismiss: 'ni', undismiss: 'un' } as const;
const CODE_KIND = { bm: 'bookmark', sim: 'similar', sh: 'share', rd: 'read', ni: 'dismiss', un: 'undismiss' } as const;
const MAX_REFS = 10_000;
/** A server id (a snowflake): the only workspaces a custom_id carries. */
const SNOWFLAKE = /^\d{1,20}$/;
const WORKSPACE_OF = /^p:[a-z]+@(\d{1,20}):/;

/** A card action offered as a select menu when a message has more cards than a row holds buttons. */
export type PickKind = Exclude<keyof typeof KIND_CODE, 'undismiss'>;

/** What the clicked message tells about itself: each embed's footer text (paper id first). */
export interface ClickContext {
  label?: string;
  footers?: string[];
}

export interface CustomIdCodec {
  /** `embedIndex`: where the paper's embed is in the message, used when the id is too long. */
  encode(action: ReplyAction, embedIndex?: number): string | undefined;
  /** Undefined for anything this codec did not produce (stale, forged or from another bot version). */
  decode(customId: string, ctx?: ClickContext): ReplyAction | undefined;
  /** A select-menu option value for a paper id (≤ 100 chars). */
  encodePaperValue(paperId: string, embedIndex: number): string;
  decodePaperValue(value: string, ctx?: ClickContext): string | undefined;
  /** A select menu's custom_id for a card action (`p:pick:bm`). */
  encodePick(kind: PickKind): string;
  decodePick(customId: string): PickKind | undefined;
  /**
   * This codec, stamping each custom_id it encodes with the server `workspace()` names at the time
   * (nothing when it names none or not a server id). Decoding is the same.
   */
  inWorkspace(workspace: () => string | undefined): CustomIdCodec;
  /** The server a custom_id was stamped with, if any. */
  workspaceOf(customId: string): string | undefined;
}

/** The paper id an embed footer shows ("<id>" or "<id> · react 🔖 to bookmark"). */
export function paperIdFromFooter(footer: string | undefined): string | undefined {
  const id = footer?.split(' · ')[0]?.trim();
  return id || undefined;
}

function byIndex(ref: string, ctx: ClickContext | undefined): string | undefined {
  const m = /^#(\d{1,2})$/.exec(ref);
  return m ? paperIdFromFooter(ctx?.footers?.[Number(m[1])]) : undefined;
}

export function createCustomIdCodec(): CustomIdCodec {
  const refs = new Map<string, ReplyAction>();
  let counter = 0;

  function keep(action: ReplyAction, tag: string): string {
    const key = (++counter).toString(36);
    refs.set(key, action);
    // Map keeps insertion order: drop the oldest beyond the bound.
    if (refs.size > MAX_REFS) refs.delete(refs.keys().next().value as string);
    return `p:ref${tag}:${key}`;
  }

  /** `tag` is `@<guildId>` or empty. */
  function encode(action: ReplyAction, embedIndex: number | undefined, tag: string): string | undefined {
    if (action.kind === 'run') {
      const id = `p:run${tag}:${JSON.stringify({ c: action.command, a: action.args })}`;
      return id.length <= LIMITS.customId ? id : keep(action, tag);
    }
    const code = KIND_CODE[action.kind];
    const id = `p:${code}${tag}:${action.paperId}`;
    if (id.length <= LIMITS.customId && !action.paperId.startsWith('#')) return id;
    if (embedIndex !== undefined) return `p:${code}${tag}:#${embedIndex}`;
    // No embed to point at (Undo): without the server the answer's metadata still finds it one hop back.
    return tag ? encode(action, embedIndex, '') : undefined;
  }

  function encodePaperValue(paperId: string, embedIndex: number): string {
    return paperId.length <= LIMITS.selectOptionValue && !paperId.startsWith('#') ? paperId : `#${embedIndex}`;
  }

  function decodePaperValue(value: string, ctx?: ClickContext): string | undefined {
    return value.startsWith('#') ? byIndex(value, ctx) : value || undefined;
  }

  /** The server stamp, if any, is read by workspaceOf; the action does not depend on it. */
  function decode(customId: string, ctx?: ClickContext): ReplyAction | undefined {
    const m = /^p:(bm|sim|sh|rd|ni|un|run|ref)(?:@\d{1,20})?:(.+)$/s.exec(customId);
    if (!m) return undefined;
    const [, code, rest] = m;
    if (code === 'ref') return refs.get(rest);
    if (code !== 'run') {
      const paperId = rest.startsWith('#') ? byIndex(rest, ctx) : rest;
      return paperId ? { kind: CODE_KIND[code as keyof typeof CODE_KIND], paperId } : undefined;
    }
    try {
      const parsed = JSON.parse(rest) as { c?: unknown; a?: unknown };
      if (typeof parsed.c !== 'string' || !parsed.a || typeof parsed.a !== 'object' || Array.isArray(parsed.a)) return undefined;
      return { kind: 'run', command: parsed.c, args: parsed.a as Record<string, unknown>, label: ctx?.label ?? parsed.c };
    } catch {
      return undefined;
    }
  }

  function codecWith(tagOf: () => string): CustomIdCodec {
    return {
      encode: (action, embedIndex) => encode(action, embedIndex, tagOf()),
      decode,
      encodePaperValue,
      decodePaperValue,
      encodePick: (kind) => `p:pick${tagOf()}:${KIND_CODE[kind]}`,
      decodePick(customId) {
        const m = /^p:pick(?:@\d{1,20})?:(bm|sim|sh|rd|ni)$/.exec(customId);
        return m ? (CODE_KIND[m[1] as keyof typeof CODE_KIND] as PickKind) : undefined;
      },
      inWorkspace(workspace) {
        return codecWith(() => {
          const w = workspace();
          return w && SNOWFLAKE.test(w) ? `@${w}` : '';
        });
      },
      workspaceOf: (customId) => WORKSPACE_OF.exec(customId)?.[1],
    };
  }

  return codecWith(() => '');
}
