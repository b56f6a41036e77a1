import type { webApi } from '@slack/bolt';
import { PermanentPublishError } from '../../core/errors.js';
import { isDelivery, type Publisher } from '../../core/publisher.js';
import { markerMetadata, type FindPosted } from './posted-marker.js';
import { toPublishError } from './publish-errors.js';
import { renderOutgoing } from './render-blocks.js';
import { uploadImage } from './upload-image.js';

/**
 * The digest engine's Slack publisher: one chat.postMessage per message, returning its `ts`.
 * The client it is given must not retry (retries: 0, rejectRateLimitedCalls): the engine owns
 * retries. A digest post carries its run and item as message metadata; with `findPosted`, a post
 * that may already be in the channel (a resumed run, a retry after a timeout) is looked for first,
 * so a post Slack accepted just before the bot died is not repeated.
 */
export function createSlackPublisher(
  client: Pick<webApi.WebClient, 'chat' | 'filesUploadV2'>,
  /**
   * With OAuth installs: the token of the workspace that reaches the channel (the client has none).
   * `workspaceId` is the subscription's workspace, for channels the bot has not heard from since.
   */
  tokenFor?: (channelId: string, workspaceId?: string) => Promise<string | undefined>,
  findPosted?: FindPosted,
): Publisher {
  return {
    platform: 'slack',
    // Slack allows about one message per second per channel.
    minIntervalMs: 1100,
    async post(channelId, message, to) {
      const token = tokenFor ? await tokenFor(channelId, to?.workspaceId) : undefined;
      // No installation reaches the channel (uninstalled, or never used there): the engine pauses it.
      if (tokenFor && !token) throw new PermanentPublishError(`slack: no installation reaches channel ${channelId} (uninstalled, /papers never used there, or its record is damaged)`);
      // A picture (the weekly trends) is one upload with the text as its comment: one post, not two
      // that a retry could half repeat. Its id is the file id. Uploads carry no metadata, so they are not looked for.
      if (message.image) {
        try {
          return { messageId: await uploadImage(client, channelId, message.image, message.text, token) };
        } catch (err) {
          throw toPublishError(err);
        }
      }
      const delivery = isDelivery(to) ? to : undefined;
      if (delivery?.mayExist && findPosted) {
        const ts = await findPosted(channelId, delivery, token);
        if (ts) return { messageId: ts };
      }
      const { text, blocks } = renderOutgoing(message);
      let ts: unknown;
      try {
        const res = await client.chat.postMessage({
          channel: channelId,
          text,
          blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(delivery ? { metadata: markerMetadata(delivery) } : {}),
          ...(token ? { token } : {}),
        });
        ts = res.ts;
      } catch (err) {
        throw toPublishError(err);
      }
      if (typeof ts !== 'string' || !ts) throw toPublishError({ code: 'slack_webapi_platform_error', data: { error: 'no_ts_in_response' } });
      return { messageId: ts };
    },
  };
}
