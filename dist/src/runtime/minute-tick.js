import cron from "node-cron";
function cronLogger(logger) {
  const log = logger.child({ module: "cron" });
  const err = (message, e) => message instanceof Error ? { err: message } : { err: e };
  return {
    info: (message) => log.info({}, message),
    warn: (message) => log.warn({}, message),
    error: (message, e) => log.error(err(message, e), message instanceof Error ? message.message : message),
    debug: (message, e) => log.debug(err(message, e), message instanceof Error ? message.message : message)
  };
}
function startMinuteTick(tick, logger, expression = "* * * * *") {
  const l = cronLogger(logger);
  cron.setLogger(l);
  return cron.schedule(expression, tick, { logger: l });
}
export {
  cronLogger,
  startMinuteTick
};
//# sourceMappingURL=minute-tick.js.map
