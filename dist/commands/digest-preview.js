import { z } from "zod";
import { UserError } from "../src/core/errors.js";
import { defineCommand } from "./types.js";
function digestsOf(ctx) {
  if (!ctx.digests) throw new UserError("Scheduled digests are not enabled in this bot.");
  return ctx.digests;
}
const digestPreviewCommand = defineCommand({
  name: "preview",
  group: "digest",
  description: "What this channel's digest would post now (posts nothing)",
  args: z.object({}),
  admin: false,
  async run(_a, ctx) {
    return digestsOf(ctx).preview(ctx.caller);
  }
});
export {
  digestPreviewCommand,
  digestsOf
};
//# sourceMappingURL=digest-preview.js.map
