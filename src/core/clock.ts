/** Time is injected so schedules are tested without waiting. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms` of this clock's time (a fake clock may resolve at once). */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock that moves only when told; sleep advances it instead of waiting. */
export function createFakeClock(start: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void; slept: number[] } {
  let t = new Date(start).getTime();
  const slept: number[] = [];
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
    },
  };
}
