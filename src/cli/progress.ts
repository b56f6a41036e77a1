/** A one-line progress bar on a terminal (stderr); nothing at all when stderr is not a TTY. */
export function createProgress(total: number, stream: NodeJS.WriteStream | NodeJS.WritableStream = process.stderr) {
  const tty = 'isTTY' in stream && Boolean(stream.isTTY);
  let done = 0;
  const width = 30;
  const draw = (label: string) => {
    if (!tty) return;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const name = label.length > 40 ? `…${label.slice(-39)}` : label;
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}\x1b[K`);
  };
  return {
    tick(label: string) {
      done++;
      draw(label);
    },
    /** Moves the bar to `at` of `of` (a count that is not one step per item: papers indexed). */
    set(at: number, of: number, label: string) {
      done = at;
      total = of;
      draw(label);
    },
    end() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
