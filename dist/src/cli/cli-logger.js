function createCliLogger(stderr, verbose = false) {
  const line = (level) => (obj, msg) => {
    const o = obj;
    const where = o.origin ? `${o.origin}: ` : "";
    stderr.write(`papers: ${level === "error" ? "" : `${level}: `}${where}${msg ?? ""}${o.err ? ` (${o.err.message})` : ""}
`);
  };
  const logger = {
    debug: verbose ? line("debug") : () => {
    },
    info: verbose ? line("info") : () => {
    },
    warn: line("warning"),
    error: line("error"),
    child: () => logger
  };
  return logger;
}
export {
  createCliLogger
};
//# sourceMappingURL=cli-logger.js.map
