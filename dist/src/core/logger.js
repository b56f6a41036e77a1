function createRecordingLogger(records = [], bindings = {}) {
  const at = (level) => (obj, msg) => {
    records.push({ level, obj: { ...bindings, ...obj }, msg });
  };
  return {
    records,
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (more) => createRecordingLogger(records, { ...bindings, ...more })
  };
}
const silentLogger = {
  debug() {
  },
  info() {
  },
  warn() {
  },
  error() {
  },
  child: () => silentLogger
};
export {
  createRecordingLogger,
  silentLogger
};
//# sourceMappingURL=logger.js.map
