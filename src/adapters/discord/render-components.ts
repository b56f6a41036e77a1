import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIStringSelectComponent } from 'discord.js';
import type { PaperCard, ReplyAction } from '../../core/reply.js';
import type { CustomIdCodec } from './custom-ids.js';
import { LIMITS, clip } from './limits.js';

export type Row = APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>;

/** Per-card actions shown under an ephemeral reply, and under a channel post (no Share there). */
export type CardActionKind = 'bookmark' | 'similar' | 'share';

const LABEL: Record<CardActionKind, string> = { bookmark: '🔖 Bookmark', similar: 'More like this', share: 'Share' };
const PLACEHOLDER: Record<CardActionKind, string> = {
  bookmark: '🔖 Bookmark a paper…',
  similar: 'More like this…',
  share: 'Share a paper to the channel…',
};

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary): APIButtonComponent {
  return { type: ComponentType.Button, custom_id: customId, label: clip(label, LIMITS.buttonLabel), style };
}

/** The select menu custom_id for a card action: `p:pick:bm` etc. */
export const PICK_IDS: Record<CardActionKind, string> = { bookmark: 'p:pick:bm', similar: 'p:pick:sim', share: 'p:pick:sh' };

/**
 * Buttons for the cards and the reply's own actions (Next page) within 5 rows of 5.
 * One row per card ("🔖 Bookmark 1 · More like this 1 · Share 1") while they fit; with more cards than
 * rows, one select menu per action instead (Discord allows 25 options), so every card stays reachable.
 */
export function renderComponents(
  cards: PaperCard[],
  replyActions: ReplyAction[],
  codec: CustomIdCodec,
  kinds: CardActionKind[] = ['bookmark', 'similar', 'share'],
): Row[] {
  const rows: Row[] = [];
  const seen = new Set<string>();
  const unique = (id: string) => (seen.has(id) ? false : (seen.add(id), true));

  const actionButtons = replyActions
    .map((a) => ({ a, id: codec.encode(a) }))
    .filter((x): x is { a: ReplyAction; id: string } => x.id !== undefined && unique(x.id))
    .slice(0, LIMITS.buttonsPerRow)
    .map(({ a, id }) => button(id, a.kind === 'run' ? a.label : a.kind, ButtonStyle.Primary));
  const rowsForCards = LIMITS.rowsPerMessage - (actionButtons.length ? 1 : 0);
  const shown = cards.slice(0, LIMITS.embedsPerMessage);
  const numbered = shown.length > 1;

  if (shown.length <= rowsForCards) {
    shown.forEach((card, i) => {
      const suffix = numbered ? ` ${i + 1}` : '';
      const buttons = kinds
        .map((kind) => ({ kind, id: codec.encode({ kind, paperId: card.paperId }, i) }))
        .filter((x): x is { kind: CardActionKind; id: string } => x.id !== undefined && unique(x.id))
        .map(({ kind, id }) => button(id, `${LABEL[kind]}${suffix}`, ButtonStyle.Secondary));
      if (buttons.length) rows.push({ type: ComponentType.ActionRow, components: buttons });
    });
  } else {
    for (const kind of kinds.slice(0, rowsForCards)) {
      const options = shown.slice(0, LIMITS.selectOptions).map((card, i) => ({
        label: clip(`${i + 1}. ${card.title}`, LIMITS.selectOptionLabel),
        value: codec.encodePaperValue(card.paperId, i),
      }));
      rows.push({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.StringSelect, custom_id: PICK_IDS[kind], placeholder: PLACEHOLDER[kind], options, min_values: 1, max_values: 1 }],
      });
    }
  }
  if (actionButtons.length) rows.push({ type: ComponentType.ActionRow, components: actionButtons });
  return rows.slice(0, LIMITS.rowsPerMessage);
}
