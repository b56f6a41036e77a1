import type { RespondFn, webApi } from '@slack/bolt';
import type { Caller, Reply } from '../../core/reply.js';
import { fallbackText } from './mrkdwn.js';
import { type Block, fileBlocks, MAX_BLOCKS, renderReply } from './render-blocks.js';
import { uploadImage } from './upload-image.js';

/**
 * Sends a neutral Reply back through the interaction's response_url: ephemeral unless the core
 * says otherwise. Export files that fit are shown inline as code blocks (copy-paste is what people
 * do with a .bib); bigger ones are uploaded to the caller's DM with the bot, so a personal export
 * never lands in a shared channel.
 */
export async function sendReply(
  reply: Reply,
  respond: RespondFn,
  ctx: { caller: Caller; client: Pick<webApi.WebClient, 'conversations' | 'filesUploadV2'>; replaceOriginal?: boolean },
): Promise<void> {
  const rendered = renderReply(reply, { fileBlocks: false });
  let { blocks } = rendered;
  if (reply.file) {
    const inline = fileBlocks(reply.file.name, reply.file.content, MAX_BLOCKS - blocks.length);
    if (inline) {
      // file blocks go before the reply-level buttons
      const actionsAtEnd = blocks.length && blocks[blocks.length - 1].type === 'actions' ? blocks.slice(-1) : [];
      blocks = [...blocks.slice(0, blocks.length - actionsAtEnd.length), ...inline, ...actionsAtEnd];
    } else {
      const note = await uploadToDm(reply.file, ctx);
      const noteBlock: Block = { type: 'context', elements: [{ type: 'mrkdwn', text: note }] };
      blocks = [...blocks, noteBlock].slice(0, MAX_BLOCKS);
    }
  }
  await respond({
    response_type: reply.ephemeral ? 'ephemeral' : 'in_channel',
    replace_original: ctx.replaceOriginal ?? false,
    text: rendered.text,
    blocks,
  });
  if (reply.image) await sendImage(reply.image, respond, ctx, reply.ephemeral);
}

/**
 * A picture goes up with files.uploadV2 right under the reply: into the channel when the reply is
 * public, else into the caller's DM. A channel the bot is not in refuses uploads: the caller is told
 * how to fix it, and the text already posted still names the topics.
 */
async function sendImage(image: NonNullable<Reply['image']>, respond: RespondFn, ctx: Parameters<typeof sendReply>[2], ephemeral: boolean): Promise<void> {
  try {
    let channel = ctx.caller.channelId;
    if (ephemeral) {
      const dm = await ctx.client.conversations.open({ users: ctx.caller.userId });
      if (!dm.channel?.id) throw new Error('conversations.open returned no channel');
      channel = dm.channel.id;
    }
    await uploadImage(ctx.client, channel, image);
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    const why = code === 'not_in_channel' || code === 'channel_not_found' ? 'I am not a member of this channel: invite me with /invite, then ask again.' : `the upload failed (${code ?? (err as Error).message}).`;
    await respond({ response_type: 'ephemeral', replace_original: false, text: `I could not post the picture here: ${why}` });
  }
}

async function uploadToDm(file: NonNullable<Reply['file']>, ctx: Parameters<typeof sendReply>[2]): Promise<string> {
  const dm = await ctx.client.conversations.open({ users: ctx.caller.userId });
  const channel = dm.channel?.id;
  if (!channel) throw new Error('conversations.open returned no channel');
  await ctx.client.filesUploadV2({
    channel_id: channel,
    filename: file.name,
    title: file.name,
    content: file.content,
    initial_comment: fallbackText(`Your export: ${file.name}`),
  });
  return `📎 ${fallbackText(file.name, 200)} is too large to show here: I sent it to you in a direct message.`;
}
