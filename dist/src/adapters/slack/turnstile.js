function createTurnstile() {
  const waiting = [];
  let scheduled = false;
  function releaseOne() {
    scheduled = false;
    waiting.shift()?.();
    if (waiting.length) schedule();
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(releaseOne);
  }
  return {
    pass() {
      return new Promise((resolve) => {
        waiting.push(resolve);
        schedule();
      });
    }
  };
}
export {
  createTurnstile
};
//# sourceMappingURL=turnstile.js.map
