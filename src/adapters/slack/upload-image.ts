import type { webApi } from '@slack/bolt';
import type { ReplyImage } from '../../core/reply.js';
import { fallbackText } from './mrkdwn.js';

/**
 * Shares a picture in a channel with files.uploadV2 (files.getUploadURLExternal, the upload, then
 * files.completeUploadExternal). Nothing shows in the channel until the last step, so a failure
 * part-way leaves no half post and a retry posts it once. Returns the file id.
 */
export async function uploadImage(
  client: Pick<webApi.WebClient, 'filesUploadV2'>,
  channelId: string,
  image: ReplyImage,
  comment?: string,
  /** The workspace's token with OAuth installs (the client then has none of its own). */
  token?: string,
): Promise<string> {
  const res = (await client.filesUploadV2({
    channel_id: channelId,
    file: Buffer.from(image.data),
    filename: image.name,
    title: image.name.replace(/\.png$/, ''),
    alt_text: image.alt.slice(0, 1000),
    ...(comment ? { initial_comment: fallbackText(comment) } : {}),
    ...(token ? { token } : {}),
  })) as { files?: Array<{ files?: Array<{ id?: string }> }> };
  return res.files?.[0]?.files?.[0]?.id ?? `upload:${image.name}`;
}
