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
 */

const KIND_CODE = { bookmark: 'bm', similar: 'sim', share: 'sh', read: 'rd', dismiss: 'ni', undismiss: 'un' } as const;
const CODE_KIND = { bm: 'bookmark', sim: 'similar', sh: 'share', rd: 'read', ni: 'dismiss', un: 'undismiss' } as const;
const MAX_REFS = 10_000;

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

  function keep(action: ReplyAction): string {
    const key = (++counter).toString(36);
    refs.set(key, action);
    // Map keeps insertion order: drop the oldest beyond the bound.
    if (refs.size > MAX_REFS) refs.delete(refs.keys().next().value as string);
    return `p:ref:${key}`;
  }

  return {
    encode(action, embedIndex) {
      if (action.kind === 'run') {
        const id = `p:run:${JSON.stringify({ c: action.command, a: action.args })}`;
        return id.length <= LIMITS.customId ? id : keep(action);
      }
      const id = `p:${KIND_CODE[action.kind]}:${action.paperId}`;
      if (id.length <= LIMITS.customId && !action.paperId.startsWith('#')) return id;
      return embedIndex === undefined ? undefined : `p:${KIND_CODE[action.kind]}:#${embedIndex}`;
    },
    decode(customId, ctx) {
      const m = /^p:(bm|sim|sh|rd|ni|un|run|ref):(.+)$/s.exec(customId);
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
    },
    encodePaperValue(paperId, embedIndex) {
      return paperId.length <= LIMITS.selectOptionValue && !paperId.startsWith('#') ? paperId : `#${embedIndex}`;
    },
    decodePaperValue(value, ctx) {
      return value.startsWith('#') ? byIndex(value, ctx) : value || undefined;
    },
  };
}
