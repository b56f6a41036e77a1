import { z } from "zod";
import { digestsOf } from "./digest-preview.js";
import { defineCommand } from "./types.js";
const digestNowCommand = defineCommand({
  name: "now",
  group: "digest",
  description: "Post this channel's digest now",
  args: z.object({}),
  admin: true,
  async run(_a, ctx) {
    return digestsOf(ctx).runNow(ctx.caller);
  }
});
export {
  digestNowCommand
};
//# sourceMappingURL=digest-now.js.map
