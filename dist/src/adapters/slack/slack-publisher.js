import { toPublishError } from "./publish-errors.js";
import { renderOutgoing } from "./render-blocks.js";
function createSlackPublisher(client) {
  return {
    platform: "slack",
    // Slack allows about one message per second per channel.
    minIntervalMs: 1100,
    async post(channelId, message) {
      const { text, blocks } = renderOutgoing(message);
      let ts;
      try {
        const res = await client.chat.postMessage({ channel: channelId, text, blocks, unfurl_links: false, unfurl_media: false });
        ts = res.ts;
      } catch (err) {
        throw toPublishError(err);
      }
      if (typeof ts !== "string" || !ts) throw toPublishError({ code: "slack_webapi_platform_error", data: { error: "no_ts_in_response" } });
      return { messageId: ts };
    }
  };
}
export {
  createSlackPublisher
};
//# sourceMappingURL=slack-publisher.js.map
