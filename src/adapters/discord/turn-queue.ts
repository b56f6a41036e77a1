/**
 * Runs jobs one per event-loop turn, in arrival order. The core's work (a search) is CPU on this
 * one loop: started back to back, a burst of deferred jobs would hold the loop until the last is
 * done, and interactions arriving meanwhile would wait to be acknowledged. One job a turn lets the
 * gateway's socket be read in between, so their acknowledgements go out first.
 */
export interface TurnQueue {
  run<T>(job: () => Promise<T>): Promise<T>;
  /** Jobs not yet started. */
  readonly waiting: number;
}

export function createTurnQueue(): TurnQueue {
  const jobs: Array<() => void> = [];
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
    run<T>(job: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        jobs.push(() => {
          // A job that throws synchronously rejects its own promise, never the pump.
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
    },
  };
}
