function createRecordingPublisher(platform = "local", fail) {
  const sent = [];
  let calls = 0;
  return {
    platform,
    minIntervalMs: 0,
    sent,
    async post(channelId, message) {
      const err = fail?.(channelId, message, calls++);
      if (err) throw err;
      const messageId = `m${sent.length + 1}`;
      sent.push({ channelId, message, messageId });
      return { messageId };
    }
  };
}
export {
  createRecordingPublisher
};
//# sourceMappingURL=publisher.js.map
