import { z } from "zod";
import { digestsOf } from "./digest-preview.js";
import { defineCommand } from "./types.js";
const subscriptionsCommand = defineCommand({
  name: "subscriptions",
  description: "The digest settings of the channels here",
  args: z.object({}),
  admin: false,
  async run(_a, ctx) {
    return digestsOf(ctx).list(ctx.caller);
  }
});
export {
  subscriptionsCommand
};
//# sourceMappingURL=subscriptions.js.map
