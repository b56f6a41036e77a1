import { findCommand } from '../../../commands/registry.js';
import { cardLines } from '../../../commands/replies.js';
import { formatCommandText } from '../../../commands/text-parser.js';
import type { OutgoingMessage, Reply, ReplyAction } from '../../core/reply.js';

/** An action as the line to type in the terminal (the local mode has no buttons); `cardNumber` is what `react` takes (N or local-post-N). */
export function actionHint(action: ReplyAction, cardNumber?: number | string): string | undefined {
  switch (action.kind) {
    case 'run': {
      const c = findCommand(action.command.split(' '));
      return c ? `${action.label}: ${formatCommandText(c, action.args)}` : undefined;
    }
    case 'similar':
      return `More like this: /papers similar ${action.paperId}`;
    case 'undismiss':
      return cardNumber !== undefined ? `Undo: unreact ${cardNumber} 👎` : undefined;
    case 'bookmark':
      return cardNumber !== undefined ? `Bookmark: react ${cardNumber} 🔖` : undefined;
    case 'read':
      return cardNumber !== undefined ? `Mark read: react ${cardNumber} ✅` : undefined;
    default:
      return undefined;
  }
}

/**
 * A reply as terminal text: its text (which numbers the cards 1..n), then what can be typed next.
 * The numbers are the ones `react N 🔖` takes.
 */
export function renderReply(reply: Reply): string {
  const lines = [reply.error ? `⚠ ${reply.text}` : reply.text];
  const hints = (reply.actions ?? []).map((a) => actionHint(a)).filter(Boolean);
  // Platforms give every card Bookmark / More like this buttons; the terminal says what to type.
  if (reply.cards?.length === 1) {
    hints.unshift('Bookmark: react 1 🔖 (unreact 1 🔖 removes)', `More like this: /papers similar ${reply.cards[0]!.paperId}`);
  } else if (reply.cards?.length) {
    hints.unshift(`Bookmark: react N 🔖, unreact N 🔖 removes (N = 1-${reply.cards.length})`);
  }
  if (reply.cards?.some((c) => c.dismissable)) hints.push('Not interested: react N 👎 (unreact N 👎 undoes)');
  if (hints.length) lines.push(`  → ${hints.join('  |  ')}`);
  return `${lines.join('\n')}\n`;
}

/** A digest message as terminal text; `label` is what `react` takes for it. */
export function renderPost(channelId: string, message: OutgoingMessage, label: string): string {
  if (!message.card) return `[#${channelId}] ${message.text}\n`;
  const [title, ...rest] = cardLines(message.card);
  // A recommendation (a personal digest's card) also takes 👎, as the platforms show a Not interested button.
  const dismiss = message.card.dismissable ? `\n    (react ${label} 👎 if not interested; unreact undoes)` : '';
  return `[#${channelId}] ${title}\n${rest.map((l) => `    ${l}`).join('\n')}\n    (react ${label} 🔖 to bookmark)${dismiss}\n`;
}
