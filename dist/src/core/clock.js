const systemClock = {
  now: () => /* @__PURE__ */ new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms))
};
function createFakeClock(start) {
  let t = new Date(start).getTime();
  const slept = [];
  return {
    slept,
    now: () => new Date(t),
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
    set: (d) => {
      t = new Date(d).getTime();
    },
    advance: (ms) => {
      t += ms;
    }
  };
}
export {
  createFakeClock,
  systemClock
};
//# sourceMappingURL=clock.js.map
