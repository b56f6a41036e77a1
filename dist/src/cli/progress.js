function createProgress(total, stream = process.stderr) {
  const tty = "isTTY" in stream && Boolean(stream.isTTY);
  let done = 0;
  const width = 30;
  const draw = (label) => {
    if (!tty) return;
    const filled = Math.round(done / Math.max(total, 1) * width);
    const name = label.length > 40 ? `\u2026${label.slice(-39)}` : label;
    stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${name}\x1B[K`);
  };
  return {
    tick(label) {
      done++;
      draw(label);
    },
    end() {
      if (tty) stream.write("\r\x1B[K");
    }
  };
}
export {
  createProgress
};
//# sourceMappingURL=progress.js.map
