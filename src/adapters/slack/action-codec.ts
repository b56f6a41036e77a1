import type { ReplyAction } from '../../core/reply.js';

/**
 * ReplyAction ⇄ Slack button `action_id` + `value`. A click on an ephemeral reply carries no
 * `message`, so everything the core needs travels in the button: the paper id, or the command and
 * its arguments for Next page. Slack caps `value` at 2,000 characters: longer actions are dropped
 * (the button is not shown) rather than cut.
 */

export const ACTION_ID_PATTERN = /^papers_(bookmark|similar|share|read|dismiss|undismiss|run)_\d+$/;
const MAX_VALUE = 2000;

export interface EncodedAction {
  action_id: string;
  value: string;
}

export function encodeAction(action: ReplyAction, index: number): EncodedAction | undefined {
  const value =
    action.kind === 'run'
      ? JSON.stringify({ c: action.command, a: action.args, l: action.label })
      : action.paperId;
  if (!value || value.length > MAX_VALUE) return undefined;
  return { action_id: `papers_${action.kind}_${index}`, value };
}

/** Undefined for anything not produced by encodeAction (a stale or forged click). */
export function decodeAction(actionId: unknown, value: unknown): ReplyAction | undefined {
  if (typeof actionId !== 'string' || typeof value !== 'string' || !value) return undefined;
  const kind = ACTION_ID_PATTERN.exec(actionId)?.[1];
  if (kind === 'bookmark' || kind === 'similar' || kind === 'share' || kind === 'read' || kind === 'dismiss' || kind === 'undismiss') return { kind, paperId: value };
  if (kind !== 'run') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object') return undefined;
  const { c, a, l } = parsed as { c?: unknown; a?: unknown; l?: unknown };
  if (typeof c !== 'string' || !a || typeof a !== 'object' || Array.isArray(a)) return undefined;
  return { kind: 'run', command: c, args: a as Record<string, unknown>, label: typeof l === 'string' ? l : c };
}

/** The button label for an action. */
export function actionLabel(action: ReplyAction): string {
  switch (action.kind) {
    case 'bookmark':
      return '🔖 Bookmark';
    case 'similar':
      return 'More like this';
    case 'share':
      return 'Share to channel';
    case 'read':
      return '✅ Mark read';
    case 'dismiss':
      return '👎 Not interested';
    case 'undismiss':
      return 'Undo';
    case 'run':
      return action.label;
  }
}
