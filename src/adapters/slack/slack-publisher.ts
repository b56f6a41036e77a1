import type { webApi } from '@slack/bolt';
import type { Publisher } from '../../core/publisher.js';
import { toPublishError } from './publish-errors.js';
import { renderOutgoing } from './render-blocks.js';
import { uploadImage } from './upload-image.js';

/**
 * The digest engine's Slack publisher: one chat.postMessage per message, returning its `ts`.
 * The client it is given must not retry (retries: 0, rejectRateLimitedCalls): the engine owns
 * retries, so a message is never posted twice.
 */
export function createSlackPublisher(client: Pick<webApi.WebClient, 'chat' | 'filesUploadV2'>): Publisher {
  return {
    platform: 'slack',
    // Slack allows about one message per second per channel.
    minIntervalMs: 1100,
    async post(channelId, message) {
      // A picture (the weekly trends) is one upload with the text as its comment: one post, not two
      // that a retry could half repeat. Its id is the file id.
      if (message.image) {
        try {
          return { messageId: await uploadImage(client, channelId, message.image, message.text) };
        } catch (err) {
          throw toPublishError(err);
        }
      }
      const { text, blocks } = renderOutgoing(message);
      let ts: unknown;
      try {
        const res = await client.chat.postMessage({ channel: channelId, text, blocks, unfurl_links: false, unfurl_media: false });
        ts = res.ts;
      } catch (err) {
        throw toPublishError(err);
      }
      if (typeof ts !== 'string' || !ts) throw toPublishError({ code: 'slack_webapi_platform_error', data: { error: 'no_ts_in_response' } });
      return { messageId: ts };
    },
  };
}
