import { z } from "zod";
import { toCard } from "../src/core/cards.js";
import { UserError } from "../src/core/errors.js";
import { EXPORT_FORMATS, exportFile } from "../src/core/bookmarks/export.js";
import { pageArg } from "./arg-types.js";
import { usageLine } from "./help-text.js";
import { pageSize } from "./paging.js";
import { cardsReply, textReply } from "./replies.js";
import { defineCommand } from "./types.js";
const PAGE_SIZE = 10;
const args = z.object({
  action: z.enum(["list", "remove", "export"]).optional().describe("list (default), remove a paper, or export them all"),
  id: z.string().trim().min(1).max(300).meta({ placeholder: "ID" }).optional().describe("The paper to remove"),
  format: z.enum(EXPORT_FORMATS).optional().describe("Export format (default bibtex)"),
  page: pageArg
});
const bookmarksCommand = defineCommand({
  name: "bookmarks",
  description: "Your bookmarked papers: list, remove one, or export them",
  args,
  admin: false,
  positional: (first) => first === "remove" ? ["action", "id"] : first === "export" ? ["action", "format"] : ["action"],
  usage: "/papers bookmarks [--page N] | /papers bookmarks remove <id> | /papers bookmarks export bibtex|markdown|csv",
  examples: ["/papers bookmarks", "/papers bookmarks remove 2401.12345", "/papers bookmarks export bibtex"],
  async run(a, ctx) {
    const usage = usageLine(bookmarksCommand);
    const action = a.action ?? (a.format ? "export" : "list");
    if (action === "remove") {
      if (!a.id) throw new UserError("Say which paper to remove: /papers bookmarks remove <id>.", usage);
      return remove(a.id, ctx);
    }
    if (a.id) throw new UserError(`An id only goes with remove: /papers bookmarks remove ${a.id}.`, usage);
    if (action === "export") return exportAll(a.format ?? "bibtex", ctx);
    return list(a.page, ctx);
  }
});
async function list(page, ctx) {
  const { per, note } = pageSize(PAGE_SIZE, ctx.caller);
  const { paperIds, total } = await ctx.bookmarks.list(ctx.caller, { limit: per, offset: (page - 1) * per });
  if (!total) return textReply("You have no bookmarks yet. React \u{1F516} to a paper the bot posted, or press its Bookmark button.");
  if (!paperIds.length) return textReply(`Page ${page} is past the end: you have ${total} bookmark(s).`);
  const papers = await ctx.store.getPapers(paperIds);
  const pages = Math.ceil(total / per);
  return cardsReply(`Your bookmarks (${total}) \u2014 page ${page} of ${pages}${note}`, papers.map((p) => toCard(p)), {
    actions: page < pages ? [{ kind: "run", label: "Next page", command: "bookmarks", args: { action: "list", page: page + 1 } }] : []
  });
}
async function remove(id, ctx) {
  const paper = await ctx.store.getPaper(id);
  const { removed } = await ctx.bookmarks.remove(ctx.caller, paper?.id ?? id);
  const name = paper ? `"${paper.title}"` : id;
  return textReply(removed ? `Removed ${name} from your bookmarks.` : `${name} was not in your bookmarks; nothing to remove.`);
}
async function exportAll(format, ctx) {
  const { paperIds, total } = await ctx.bookmarks.list(ctx.caller, { limit: 1e5, order: "oldest" });
  if (!total) return textReply("Nothing to export: you have no bookmarks yet.");
  const papers = await ctx.store.getPapers(paperIds);
  const file = exportFile(papers, format, ctx.clock.now().toISOString().slice(0, 10));
  return { text: `Your ${papers.length} bookmark(s) as ${format}: ${file.name}`, file, ephemeral: true };
}
export {
  bookmarksCommand
};
//# sourceMappingURL=bookmarks.js.map
