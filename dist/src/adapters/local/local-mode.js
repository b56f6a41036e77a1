import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { commands } from "../../../commands/registry.js";
import { renderReply } from "./render-text.js";
const LOCAL_CALLER = { platform: "local", workspaceId: "local", channelId: "local", userId: "local-user", isAdmin: true };
const COMMAND_WORDS = new Set(commands.map((c) => c.group ?? c.name));
const BOOKMARK = /^(🔖|:bookmark:|bookmark)$/u;
const HELP = "Type /papers help for the commands, react N \u{1F516} / unreact N \u{1F516} to (un)bookmark card N of the last reply, quit to leave.";
async function runLocalMode(opts) {
  const { chat, output } = opts;
  const caller = opts.caller ?? LOCAL_CALLER;
  const interactive = opts.interactive ?? Boolean(opts.input.isTTY);
  const say = (s) => output.write(s.endsWith("\n") ? s : `${s}
`);
  let shown = /* @__PURE__ */ new Map();
  let messageCount = 0;
  async function command(text) {
    const reply = await chat.handleText(text, caller);
    if (reply.cards?.length) {
      shown = /* @__PURE__ */ new Map();
      for (const [i, card] of reply.cards.entries()) {
        const messageId = `local-${++messageCount}`;
        await chat.recordMessage(caller, messageId, card.paperId);
        shown.set(String(i + 1), { messageId, card });
      }
    }
    say(renderReply(reply));
    if (reply.file) say(`Saved to ${await saveFile(opts.exportDir, reply.file)}`);
  }
  async function react(added, target, emoji) {
    const verb = added ? "react" : "unreact";
    if (!target) return void say(`Say which card: ${verb} N \u{1F516} (N from the last reply).`);
    if (emoji && !BOOKMARK.test(emoji)) return void say(`Only \u{1F516} does something here: ${verb} ${target} \u{1F516}`);
    const entry = shown.get(target);
    const messageId = entry?.messageId ?? (/^local-(post-)?\d+$/.test(target) ? target : void 0);
    if (!messageId) {
      return void say(shown.size ? `No card ${target} in the last reply (1-${shown.size}).` : "No cards shown yet: run /papers search <topic> first.");
    }
    const result = await chat.reaction(caller, messageId, added);
    if (!result) return void say(`Message ${target} shows no paper.`);
    const title = entry?.card.title ?? await chat.shareMessage(result.paperId).then((m) => m.card?.title, () => void 0) ?? result.paperId;
    say(added ? `\u{1F516} Bookmarked "${title}".` : `Removed "${title}" from your bookmarks.`);
  }
  async function line(raw) {
    const text = raw.trim();
    if (!text || text.startsWith("#")) return true;
    const m = /^(\/?papers)(?:\s+(.*))?$/is.exec(text);
    const first = text.split(/\s+/)[0].toLowerCase();
    if (m) await command(m[2] ?? "");
    else if (COMMAND_WORDS.has(first)) await command(text);
    else if (/^(quit|exit)$/i.test(text)) return false;
    else if (text === "?") await command("help");
    else {
      const r = /^(react|unreact)(?:\s+(\S+))?(?:\s+(\S+))?\s*$/iu.exec(text);
      if (r) await react(r[1].toLowerCase() === "react", r[2], r[3]);
      else say(`Not a command. ${HELP}`);
    }
    return true;
  }
  const rl = createInterface({ input: opts.input, terminal: false, crlfDelay: Infinity });
  if (interactive) say(`papers-bot local chat mode. ${HELP}`);
  const prompt = () => interactive && output.write("> ");
  prompt();
  for await (const raw of rl) {
    let go = true;
    try {
      go = await line(raw);
    } catch (err) {
      say(`\u26A0 ${err.message}`);
    }
    if (!go) break;
    prompt();
  }
  rl.close();
}
async function saveFile(dir, file) {
  await mkdir(dir, { recursive: true });
  const ext = extname(file.name);
  const stem = file.name.slice(0, file.name.length - ext.length).replace(/[^\w.-]/g, "_");
  let path = resolve(join(dir, `${stem}${ext}`));
  for (let i = 2; existsSync(path); i++) path = resolve(join(dir, `${stem}-${i}${ext}`));
  await writeFile(path, file.content);
  return path;
}
export {
  LOCAL_CALLER,
  runLocalMode
};
//# sourceMappingURL=local-mode.js.map
