const channelKey = (platform, channelId) => `${platform}\0${channelId}`;
export {
  channelKey
};
//# sourceMappingURL=digest-store.js.map
