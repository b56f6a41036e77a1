import { papers001 } from "./001-papers.js";
import { chat002 } from "./002-chat.js";
import { digests003 } from "./003-digests.js";
const migrations = [papers001, chat002, digests003];
export {
  migrations
};
//# sourceMappingURL=index.js.map
