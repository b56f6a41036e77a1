import { bookmarksCommand } from "./bookmarks.js";
import { digestNowCommand } from "./digest-now.js";
import { digestPreviewCommand } from "./digest-preview.js";
import { helpCommand } from "./help.js";
import { searchCommand } from "./search.js";
import { showCommand } from "./show.js";
import { similarCommand } from "./similar.js";
import { subscribeCommand } from "./subscribe.js";
import { subscriptionsCommand } from "./subscriptions.js";
import { topCommand } from "./top.js";
import { unsubscribeCommand } from "./unsubscribe.js";
const commands = [
  searchCommand,
  showCommand,
  similarCommand,
  topCommand,
  bookmarksCommand,
  digestPreviewCommand,
  digestNowCommand,
  subscribeCommand,
  unsubscribeCommand,
  subscriptionsCommand,
  helpCommand
];
const groups = {
  digest: "This channel's digest"
};
function findCommand(path, list = commands) {
  const [a, b] = path.map((p) => p.toLowerCase());
  return list.find((c) => c.group ? c.group === a && c.name === b : c.name === a && path.length === 1);
}
export {
  commands,
  findCommand,
  groups
};
//# sourceMappingURL=registry.js.map
