import { findCommand } from "../../../commands/registry.js";
import { cardLines } from "../../../commands/replies.js";
import { formatCommandText } from "../../../commands/text-parser.js";
function actionHint(action, cardNumber) {
  switch (action.kind) {
    case "run": {
      const c = findCommand(action.command.split(" "));
      return c ? `${action.label}: ${formatCommandText(c, action.args)}` : void 0;
    }
    case "similar":
      return `More like this: /papers similar ${action.paperId}`;
    case "bookmark":
      return cardNumber !== void 0 ? `Bookmark: react ${cardNumber} \u{1F516}` : void 0;
    default:
      return void 0;
  }
}
function renderReply(reply) {
  const lines = [reply.error ? `\u26A0 ${reply.text}` : reply.text];
  const hints = (reply.actions ?? []).map((a) => actionHint(a)).filter(Boolean);
  if (reply.cards?.length === 1) {
    hints.unshift("Bookmark: react 1 \u{1F516} (unreact 1 \u{1F516} removes)", `More like this: /papers similar ${reply.cards[0].paperId}`);
  } else if (reply.cards?.length) {
    hints.unshift(`Bookmark: react N \u{1F516}, unreact N \u{1F516} removes (N = 1-${reply.cards.length})`);
  }
  if (hints.length) lines.push(`  \u2192 ${hints.join("  |  ")}`);
  return `${lines.join("\n")}
`;
}
function renderPost(channelId, message, label) {
  if (!message.card) return `[#${channelId}] ${message.text}
`;
  const [title, ...rest] = cardLines(message.card);
  return `[#${channelId}] ${title}
${rest.map((l) => `    ${l}`).join("\n")}
    (react ${label} \u{1F516} to bookmark)
`;
}
export {
  actionHint,
  renderPost,
  renderReply
};
//# sourceMappingURL=render-text.js.map
