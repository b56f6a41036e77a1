function backoffMs(n, baseMs, capMs) {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, n - 1));
}
export {
  backoffMs
};
//# sourceMappingURL=backoff.js.map
