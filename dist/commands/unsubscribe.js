import { z } from "zod";
import { digestsOf } from "./digest-preview.js";
import { defineCommand } from "./types.js";
const unsubscribeCommand = defineCommand({
  name: "unsubscribe",
  description: "Stop this channel's daily digest",
  args: z.object({}),
  admin: true,
  async run(_a, ctx) {
    return digestsOf(ctx).unsubscribe(ctx.caller);
  }
});
export {
  unsubscribeCommand
};
//# sourceMappingURL=unsubscribe.js.map
