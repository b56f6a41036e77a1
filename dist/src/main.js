import { join } from "node:path";
import { createLocalPublisher } from "./adapters/local/local-publisher.js";
import { runLocalMode } from "./adapters/local/local-mode.js";
import { createBot, ensureSampleDigest } from "./bot.js";
import { ConfigError, debugEnabled, describeEnvironment, loadConfig, loadEnvironment } from "./config.js";
import { createLiveSources } from "./core/sources/live-sources.js";
import { EnvFileError } from "./env-file.js";
import { createLogger } from "./runtime/create-logger.js";
import { checkDataDir, DataDirError, isReadOnlyError } from "./runtime/data-dir.js";
import { startMinuteTick } from "./runtime/minute-tick.js";
import { noMetrics } from "./core/metrics.js";
function describeMode(config) {
  const platforms = [config.discord && "Discord", config.slack && `Slack (${config.slack.appToken ? "Socket Mode" : `HTTP on port ${config.slack.port}`})`].filter(Boolean);
  if (platforms.length) return `starting ${platforms.join(" and ")} (tokens found in the environment)`;
  return "no DISCORD_TOKEN or SLACK_BOT_TOKEN set: running the local chat mode in this terminal";
}
async function main(environment2) {
  let config;
  try {
    config = loadConfig(environment2.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`papers-bot: ${err.message}
See .env.example for every variable.
`);
    return 1;
  }
  const local = !config.discord && !config.slack;
  const level = config.logLevel ?? (local ? "warn" : "info");
  const logger = createLogger(level);
  process.stderr.write(`papers-bot: ${describeEnvironment(environment2)}
`);
  process.stderr.write(`papers-bot: ${describeMode(config)} \u2014 data in ${config.dataDir}
`);
  checkDataDir(config.dataDir);
  const prom = config.metricsPort !== void 0 ? (await import("./runtime/prom-metrics.js")).createPromMetrics() : void 0;
  const metrics = prom ?? noMetrics;
  const bot = await createBot({
    dataDir: config.dataDir,
    logger,
    maxFileBytes: config.maxFileBytes,
    maxLatenessMs: config.digestMaxLatenessMs,
    exportDir: join(config.dataDir, "exports"),
    metrics
  });
  const sample = await ensureSampleDigest(bot, config.sampleDigest);
  if (sample?.ok) process.stderr.write(`papers-bot: empty store \u2014 ingested the sample digest ${sample.origin} (${sample.papers} papers)
`);
  else if (sample) logger.warn({ error: sample.error }, "sample digest not ingested");
  const sources = createLiveSources({
    ingest: bot.ingest,
    logger,
    clock: bot.clock,
    inboxDir: config.inboxDir,
    hf: config.hf,
    arxiv: config.arxiv,
    fetchTimeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxFileBytes,
    metrics
  });
  let stopped = false;
  const running = [];
  const checks = {
    store: async () => {
      if (stopped) return "closed (shutting down)";
      await bot.store.maxSeq();
      return void 0;
    }
  };
  let health;
  if (prom && config.metricsPort !== void 0) {
    const { startHealthServer } = await import("./runtime/health-server.js");
    health = await startHealthServer(config.metricsPort, prom.registry, checks);
    process.stderr.write(`papers-bot: health and metrics on port ${health.port} (GET /healthz, GET /metrics)
`);
  }
  if (config.slack) {
    const { createSlackAdapter } = await import("./adapters/slack/slack-adapter.js");
    const slack = createSlackAdapter({ config: config.slack, chat: bot.chat, logger, metrics });
    checks.slack = () => slack.health();
    bot.digests.setPublisher(slack.publisher);
    await slack.start();
    running.push(slack);
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import("./adapters/discord/discord-adapter.js");
    const discord = createDiscordAdapter({ config: config.discord, chat: bot.chat, logger, metrics });
    checks.discord = () => discord.health();
    await discord.start();
    bot.digests.setPublisher(discord.publisher);
    running.push(discord);
  }
  if (local) bot.digests.setPublisher(createLocalPublisher(process.stdout));
  let fetching = false;
  const tick = () => {
    if (!fetching) {
      fetching = true;
      void sources.tick().finally(() => {
        fetching = false;
      });
    }
    void bot.digests.tick().catch((err) => logger.error({ err }, "digest tick failed"));
  };
  const task = startMinuteTick(tick, logger);
  void bot.digests.catchUp().catch((err) => logger.error({ err }, "catch-up failed"));
  const shutdown = async () => {
    if (stopped) return;
    stopped = true;
    await task.stop();
    await health?.close();
    for (const r of running) await r.stop().catch((err) => logger.error({ err }, "stop failed"));
    sources.close();
    await bot.close();
  };
  process.once("SIGINT", () => void shutdown().then(() => process.exit(0)));
  process.once("SIGTERM", () => void shutdown().then(() => process.exit(0)));
  if (local) {
    await runLocalMode({ chat: bot.chat, digests: bot.digests, input: process.stdin, output: process.stdout, exportDir: join(config.dataDir, "exports") });
    await shutdown();
  }
  return 0;
}
let environment;
try {
  environment = loadEnvironment(process.env);
} catch (err) {
  if (!(err instanceof EnvFileError)) throw err;
  process.stderr.write(`papers-bot: ${err.message}
`);
  process.exitCode = 1;
}
if (environment) {
  const env = environment;
  main(env).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      const known = err instanceof DataDirError || isReadOnlyError(err);
      const what = err instanceof DataDirError ? err.message : isReadOnlyError(err) ? `cannot write the store in DATA_DIR (${err.message}): set DATA_DIR to a folder the bot may write` : err.message;
      const detail = debugEnabled(env.env) ? `
${err.stack ?? err}` : known ? "" : " (run again with DEBUG=1 for the stack trace)";
      process.stderr.write(`papers-bot: failed to start: ${what}${detail}
`);
      process.exitCode = 1;
    }
  );
}
//# sourceMappingURL=main.js.map
