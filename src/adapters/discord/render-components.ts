import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIStringSelectComponent } from 'discord.js';
import type { PaperCard, ReplyAction } from '../../core/reply.js';
import type { CustomIdCodec, PickKind } from './custom-ids.js';
import { LIMITS, clip } from './limits.js';

export type Row = APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>;

/** Per-card actions shown under an ephemeral reply, and under a channel post (no Share there). */
export type CardActionKind = PickKind;

/** A lone card's buttons: nothing to tell apart, so the full words. */
const LABEL: Record<CardActionKind, string> = { bookmark: '🔖 Bookmark', read: '✅ Mark read', similar: 'More like this', share: 'Share', dismiss: '👎 Not interested' };
/** Reply-level actions that are not `run` (which carries its own label). */
const REPLY_LABEL: Partial<Record<ReplyAction['kind'], string>> = { undismiss: 'Undo' };
/**
 * Several cards: one row per action, a button per card named by the number on its embed title.
 * Short, so that five of them fit one row on a phone.
 */
const NUMBERED: Record<CardActionKind, (n: number) => string> = {
  bookmark: (n) => `🔖 ${n}`,
  read: (n) => `✅ ${n}`,
  similar: (n) => `More like ${n}`,
  share: (n) => `Share ${n}`,
  dismiss: (n) => `👎 ${n}`,
};
const PLACEHOLDER: Record<CardActionKind, string> = {
  bookmark: '🔖 Bookmark a paper…',
  read: '✅ Mark a bookmark read…',
  similar: 'More like this…',
  share: 'Share a paper to the channel…',
  dismiss: '👎 Not interested in…',
};

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label: clip(label, LIMITS.buttonLabel), style };
}

/**
 * Buttons for the cards and the reply's own actions (Next page) within 5 rows of 5.
 * Up to 5 cards (a default search page) get one row per action, a numbered button per card: at
 * most 3 rows plus Next page. One row per card would need 6 rows for 5 cards and Next page, one
 * more than Discord allows. Beyond 5 cards a row cannot hold a button per card, so one select menu
 * per action instead (Discord allows 25 options), and every card stays reachable.
 * Buttons name their paper in the custom_id or by embed index (custom-ids.ts), never through
 * memory, so they keep working after a restart.
 */
export function renderComponents(
  cards: PaperCard[],
  replyActions: ReplyAction[],
  codec: CustomIdCodec,
  kinds: CardActionKind[] = ['bookmark', 'read', 'similar', 'share'],
): Row[] {
  // Recommendations get 👎 Not interested right after Bookmark.
  if (cards.some((c) => c.dismissable) && !kinds.includes('dismiss')) kinds = [kinds[0]!, 'dismiss', ...kinds.slice(1)];
  const rows: Row[] = [];
  const seen = new Set<string>();
  const unique = (id: string) => (seen.has(id) ? false : (seen.add(id), true));
  const cardButton = (kind: CardActionKind, card: PaperCard, i: number, label: string) => {
    const id = codec.encode({ kind, paperId: card.paperId }, i);
    return id !== undefined && unique(id) ? [button(id, label, ButtonStyle.Secondary)] : [];
  };
  const push = (components: Row['components']) => {
    if (components.length) rows.push({ type: ComponentType.ActionRow, components });
  };

  const actionButtons = replyActions
    .map((a) => ({ a, id: codec.encode(a) }))
    .filter((x): x is { a: ReplyAction; id: string } => x.id !== undefined && unique(x.id))
    .slice(0, LIMITS.buttonsPerRow)
    .map(({ a, id }) => button(id, a.kind === 'run' ? a.label : (REPLY_LABEL[a.kind] ?? a.kind), ButtonStyle.Primary));
  const rowsForCards = LIMITS.rowsPerMessage - (actionButtons.length ? 1 : 0);
  const shown = cards.slice(0, LIMITS.embedsPerMessage);

  if (shown.length === 1) {
    push(kinds.flatMap((kind) => cardButton(kind, shown[0], 0, LABEL[kind])));
  } else if (shown.length <= LIMITS.buttonsPerRow) {
    for (const kind of kinds.slice(0, rowsForCards)) {
      push(shown.flatMap((card, i) => cardButton(kind, card, i, NUMBERED[kind](i + 1))));
    }
  } else {
    for (const kind of kinds.slice(0, rowsForCards)) {
      const options = shown.slice(0, LIMITS.selectOptions).map((card, i) => ({
        label: clip(`${i + 1}. ${card.title}`, LIMITS.selectOptionLabel),
        value: codec.encodePaperValue(card.paperId, i),
      }));
      push([{ type: ComponentType.StringSelect, custom_id: codec.encodePick(kind), placeholder: PLACEHOLDER[kind], options, min_values: 1, max_values: 1 }]);
    }
  }
  if (actionButtons.length) rows.push({ type: ComponentType.ActionRow, components: actionButtons });
  return rows.slice(0, LIMITS.rowsPerMessage);
}
