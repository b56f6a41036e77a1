function createTurnQueue() {
  const jobs = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };
  function pump() {
    scheduled = false;
    jobs.shift()?.();
    if (jobs.length) schedule();
  }
  return {
    run(job) {
      return new Promise((resolve, reject) => {
        jobs.push(() => {
          try {
            job().then(resolve, reject);
          } catch (err) {
            reject(err);
          }
        });
        schedule();
      });
    },
    get waiting() {
      return jobs.length;
    }
  };
}
export {
  createTurnQueue
};
//# sourceMappingURL=turn-queue.js.map
