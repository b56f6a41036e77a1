const noMetrics = {
  digest() {
  },
  postRetried() {
  },
  fetch() {
  },
  papersIngested() {
  },
  searchSeconds() {
  },
  ackSeconds() {
  }
};
export {
  noMetrics
};
//# sourceMappingURL=metrics.js.map
