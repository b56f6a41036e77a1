import { ButtonStyle, ComponentType } from "discord.js";
import { LIMITS, clip } from "./limits.js";
const LABEL = { bookmark: "\u{1F516} Bookmark", similar: "More like this", share: "Share" };
const NUMBERED = {
  bookmark: (n) => `\u{1F516} ${n}`,
  similar: (n) => `More like ${n}`,
  share: (n) => `Share ${n}`
};
const PLACEHOLDER = {
  bookmark: "\u{1F516} Bookmark a paper\u2026",
  similar: "More like this\u2026",
  share: "Share a paper to the channel\u2026"
};
function button(customId, label, style) {
  return { type: ComponentType.Button, custom_id: customId, label: clip(label, LIMITS.buttonLabel), style };
}
const PICK_IDS = { bookmark: "p:pick:bm", similar: "p:pick:sim", share: "p:pick:sh" };
function renderComponents(cards, replyActions, codec, kinds = ["bookmark", "similar", "share"]) {
  const rows = [];
  const seen = /* @__PURE__ */ new Set();
  const unique = (id) => seen.has(id) ? false : (seen.add(id), true);
  const cardButton = (kind, card, i, label) => {
    const id = codec.encode({ kind, paperId: card.paperId }, i);
    return id !== void 0 && unique(id) ? [button(id, label, ButtonStyle.Secondary)] : [];
  };
  const push = (components) => {
    if (components.length) rows.push({ type: ComponentType.ActionRow, components });
  };
  const actionButtons = replyActions.map((a) => ({ a, id: codec.encode(a) })).filter((x) => x.id !== void 0 && unique(x.id)).slice(0, LIMITS.buttonsPerRow).map(({ a, id }) => button(id, a.kind === "run" ? a.label : a.kind, ButtonStyle.Primary));
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
        value: codec.encodePaperValue(card.paperId, i)
      }));
      push([{ type: ComponentType.StringSelect, custom_id: PICK_IDS[kind], placeholder: PLACEHOLDER[kind], options, min_values: 1, max_values: 1 }]);
    }
  }
  if (actionButtons.length) rows.push({ type: ComponentType.ActionRow, components: actionButtons });
  return rows.slice(0, LIMITS.rowsPerMessage);
}
export {
  PICK_IDS,
  renderComponents
};
//# sourceMappingURL=render-components.js.map
