import { renderPost } from "./render-text.js";
function createLocalPublisher(output) {
  let n = 0;
  return {
    platform: "local",
    minIntervalMs: 0,
    async post(channelId, message) {
      const messageId = `local-post-${++n}`;
      output.write(renderPost(channelId, message, messageId));
      return { messageId };
    }
  };
}
export {
  createLocalPublisher
};
//# sourceMappingURL=local-publisher.js.map
