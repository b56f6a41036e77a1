const ACTION_ID_PATTERN = /^papers_(bookmark|similar|share|run)_\d+$/;
const MAX_VALUE = 2e3;
function encodeAction(action, index) {
  const value = action.kind === "run" ? JSON.stringify({ c: action.command, a: action.args, l: action.label }) : action.paperId;
  if (!value || value.length > MAX_VALUE) return void 0;
  return { action_id: `papers_${action.kind}_${index}`, value };
}
function decodeAction(actionId, value) {
  if (typeof actionId !== "string" || typeof value !== "string" || !value) return void 0;
  const kind = ACTION_ID_PATTERN.exec(actionId)?.[1];
  if (kind === "bookmark" || kind === "similar" || kind === "share") return { kind, paperId: value };
  if (kind !== "run") return void 0;
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    return void 0;
  }
  if (!parsed || typeof parsed !== "object") return void 0;
  const { c, a, l } = parsed;
  if (typeof c !== "string" || !a || typeof a !== "object" || Array.isArray(a)) return void 0;
  return { kind: "run", command: c, args: a, label: typeof l === "string" ? l : c };
}
function actionLabel(action) {
  switch (action.kind) {
    case "bookmark":
      return "\u{1F516} Bookmark";
    case "similar":
      return "More like this";
    case "share":
      return "Share to channel";
    case "run":
      return action.label;
  }
}
export {
  ACTION_ID_PATTERN,
  actionLabel,
  decodeAction,
  encodeAction
};
//# sourceMappingURL=action-codec.js.map
