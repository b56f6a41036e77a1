import { fallbackText } from "./mrkdwn.js";
import { fileBlocks, MAX_BLOCKS, renderReply } from "./render-blocks.js";
async function sendReply(reply, respond, ctx) {
  const rendered = renderReply(reply, { fileBlocks: false });
  let { blocks } = rendered;
  if (reply.file) {
    const inline = fileBlocks(reply.file.name, reply.file.content, MAX_BLOCKS - blocks.length);
    if (inline) {
      const actionsAtEnd = blocks.length && blocks[blocks.length - 1].type === "actions" ? blocks.slice(-1) : [];
      blocks = [...blocks.slice(0, blocks.length - actionsAtEnd.length), ...inline, ...actionsAtEnd];
    } else {
      const note = await uploadToDm(reply.file, ctx);
      const noteBlock = { type: "context", elements: [{ type: "mrkdwn", text: note }] };
      blocks = [...blocks, noteBlock].slice(0, MAX_BLOCKS);
    }
  }
  await respond({
    response_type: reply.ephemeral ? "ephemeral" : "in_channel",
    replace_original: ctx.replaceOriginal ?? false,
    text: rendered.text,
    blocks
  });
}
async function uploadToDm(file, ctx) {
  const dm = await ctx.client.conversations.open({ users: ctx.caller.userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error("conversations.open returned no channel");
  await ctx.client.filesUploadV2({
    channel_id: channel,
    filename: file.name,
    title: file.name,
    content: file.content,
    initial_comment: fallbackText(`Your export: ${file.name}`)
  });
  return `\u{1F4CE} ${fallbackText(file.name, 200)} is too large to show here: I sent it to you in a direct message.`;
}
export {
  sendReply
};
//# sourceMappingURL=reply-sender.js.map
