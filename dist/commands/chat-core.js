import { randomBytes } from "node:crypto";
import { toCard } from "../src/core/cards.js";
import { UserError } from "../src/core/errors.js";
import { bestLink } from "../src/core/paper.js";
import { argInfos } from "./arg-info.js";
import { usageLine } from "./help-text.js";
import { commands as allCommands, findCommand } from "./registry.js";
import { rootOf, typedName } from "./roots.js";
import { overallUsage } from "./suggest.js";
import { parseCommandText } from "./text-parser.js";
import { validateArgs } from "./validate.js";
const ADMIN_HINT = {
  discord: "Manage Server",
  slack: "workspace admin or owner",
  local: "admin"
};
function createChatCore(deps) {
  const list = deps.commands ?? allCommands;
  const log = deps.logger.child({ component: "chat" });
  async function guarded(caller, what, command, work) {
    try {
      return await work();
    } catch (err) {
      if (err instanceof UserError) {
        const c = command();
        const given = err.usage && !err.usage.startsWith("/") ? `/${rootOf(c, caller.platform)} ${err.usage}` : err.usage;
        const hint = given ?? (c && usageLine(c, caller.platform));
        return { text: hint ? `${err.message}
${hint}` : err.message, ephemeral: true, error: true };
      }
      const errorId = randomBytes(4).toString("hex");
      log.error({ err, errorId, command: what, platform: caller.platform, workspaceId: caller.workspaceId, channelId: caller.channelId, userId: caller.userId }, "command failed");
      return { text: `Something went wrong on our side (error id ${errorId}). Please try again; if it keeps happening, tell the bot's admin this id.`, ephemeral: true, error: true };
    }
  }
  async function run(c, raw, caller, style, positional) {
    if (c.admin && !caller.isAdmin) {
      throw new UserError(`${typedName(c, caller.platform)} is for admins (${ADMIN_HINT[caller.platform]}).`, usageLine(c, caller.platform));
    }
    const args = validateArgs(c, raw, style, positional, caller.platform);
    const ctx = { caller, store: deps.store, search: deps.search, digests: deps.digests, bookmarks: deps.bookmarks, clock: deps.clock, logger: log, commands: list };
    return c.run(args, ctx);
  }
  async function bookmark(caller, paperId) {
    const paper = await deps.store.getPaper(paperId);
    if (!paper) throw new UserError(`No paper with id ${paperId} in the store.`);
    const { added } = await deps.bookmarks.add(caller, paper.id);
    return { text: added ? `Bookmarked "${paper.title}". /papers bookmarks lists yours.` : `"${paper.title}" is already in your bookmarks.`, ephemeral: true };
  }
  async function shareMessage(paperId) {
    const paper = await deps.store.getPaper(paperId);
    if (!paper) throw new UserError(`No paper with id ${paperId} in the store.`);
    const card = toCard(paper);
    return { text: [paper.title, bestLink(paper), card.authors].filter(Boolean).join("\n"), card };
  }
  return {
    handleText(text, caller) {
      let command;
      return guarded(caller, text.slice(0, 100), () => command, async () => {
        const parsed = parseCommandText(typeof text === "string" ? text : "", list);
        command = parsed.command;
        return run(parsed.command, parsed.args, caller, "text", parsed.positional);
      });
    },
    handleCommand(path, options, caller) {
      const c = findCommand(path, list);
      return guarded(caller, path.join(" "), () => c, async () => {
        if (!c) throw new UserError(`Unknown command '${path.join(" ")}'.`, overallUsage(list, caller.platform));
        const infos = argInfos(c.args);
        const raw = {};
        for (const [k, v] of Object.entries(options)) {
          if (v === void 0 || v === null) continue;
          raw[infos.find((a) => a.option === k || a.field === k)?.field ?? k] = v;
        }
        return run(c, raw, caller, "options");
      });
    },
    handleAction(action, caller) {
      return guarded(caller, `action:${action.kind}`, () => void 0, async () => {
        switch (action.kind) {
          case "bookmark":
            return bookmark(caller, action.paperId);
          case "similar":
            return run(findCommand(["similar"], list), { id: action.paperId }, caller, "options");
          case "share": {
            const message = await shareMessage(action.paperId);
            return { text: message.text, cards: message.card ? [message.card] : [], ephemeral: false };
          }
          case "run": {
            const c = findCommand(action.command.split(" "), list);
            if (!c) throw new UserError(`Unknown command '${action.command}'.`, overallUsage(list, caller.platform));
            const raw = Object.fromEntries(Object.entries(action.args).filter(([, v]) => v !== void 0 && v !== null));
            return run(c, raw, caller, "options");
          }
          default:
            throw new UserError("This button is not known any more.");
        }
      });
    },
    shareMessage,
    async recordMessage(caller, messageId, paperId) {
      try {
        await deps.bookmarks.recordMessage({ platform: caller.platform, channelId: caller.channelId, messageId }, paperId);
      } catch (err) {
        log.error({ err, errorId: randomBytes(4).toString("hex"), messageId, paperId, platform: caller.platform, channelId: caller.channelId }, "recording a message failed");
      }
    },
    async reaction(caller, messageId, added) {
      try {
        const paperId = await deps.bookmarks.paperForMessage({ platform: caller.platform, channelId: caller.channelId, messageId });
        if (!paperId) return void 0;
        if (added) await deps.bookmarks.add(caller, paperId);
        else await deps.bookmarks.remove(caller, paperId);
        return { paperId };
      } catch (err) {
        log.error({ err, errorId: randomBytes(4).toString("hex"), messageId, platform: caller.platform, userId: caller.userId }, "reaction failed");
        return void 0;
      }
    }
  };
}
export {
  createChatCore
};
//# sourceMappingURL=chat-core.js.map
