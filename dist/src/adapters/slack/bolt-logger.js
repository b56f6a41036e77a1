import { LogLevel } from "@slack/bolt";
const ORDER = { debug: 0, info: 1, warn: 2, error: 3 };
function toBoltLogger(logger, level = LogLevel.INFO) {
  let current = level;
  const at = (lvl) => (...args) => {
    if (ORDER[lvl] < ORDER[current]) return;
    const err = args.find((a) => a instanceof Error);
    const msg = args.map((a) => a instanceof Error ? a.message : typeof a === "string" ? a : safeJson(a)).join(" ");
    logger[lvl]({ source: "bolt", ...err ? { err } : {} }, msg);
  };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: () => {
    }
  };
}
function safeJson(v) {
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}
export {
  toBoltLogger
};
//# sourceMappingURL=bolt-logger.js.map
