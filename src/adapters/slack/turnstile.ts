/**
 * Lets one waiting job through per event-loop turn. Slack needs the HTTP ack within 3 s, but a
 * search is synchronous CPU work (SQLite, the index): run straight after ack(), twenty queued
 * searches would delay the twentieth request's ack by all of them. Passing the turnstile after
 * ack() puts a poll phase (where new requests are read and acked) between any two jobs.
 */
export function createTurnstile(): { pass(): Promise<void> } {
  const waiting: Array<() => void> = [];
  let scheduled = false;

  function releaseOne(): void {
    scheduled = false;
    waiting.shift()?.();
    // Queued from inside the check phase, so it runs on the next loop turn, after pending I/O.
    if (waiting.length) schedule();
  }
  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(releaseOne);
  }
  return {
    pass() {
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        schedule();
      });
    },
  };
}
