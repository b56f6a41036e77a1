/**
 * The composition root: reads the config once, opens the bot, starts the configured platforms
 * (or the local chat mode when no tokens are set), and drives digests and live sources from one
 * node-cron minute tick. Nothing else in the project reads the environment or imports node-cron
 * (src/runtime/minute-tick.ts holds the one schedule call).
 */
import { join } from 'node:path';
import { createLocalPublisher } from './adapters/local/local-publisher.js';
import { runLocalMode } from './adapters/local/local-mode.js';
import { createBot, ensureSampleDigest } from './bot.js';
import { ConfigError, debugEnabled, describeEnvironment, loadConfig, loadEnvironment, type Config, type Environment } from './config.js';
import { createLiveSources } from './core/sources/live-sources.js';
import { EnvFileError } from './env-file.js';
import { createLogger } from './runtime/create-logger.js';
import { checkDataDir, DataDirError, isReadOnlyError } from './runtime/data-dir.js';
import { startMinuteTick } from './runtime/minute-tick.js';
import { noMetrics } from './core/metrics.js';
import type { HealthCheck, HealthServer } from './runtime/health-server.js';
import { createSourcesLease } from './core/sources/sources-lease.js';
import { isGoneInstance, newInstanceId } from './runtime/instance-id.js';
import { warmTrendsRenderer } from './core/trends/render/render-png.js';
import { counted } from './core/thousands.js';

/** How often unclaimed digest runs (handed back, or of a gone instance) are looked for between minute ticks. */
const RESUME_INTERVAL_MS = 5000;

interface Running {
  stop(): Promise<void>;
}

function describeMode(config: Config): string {
  const slackMode = config.slack?.appToken ? 'Socket Mode' : `HTTP on port ${config.slack?.port}${config.slack?.oauth ? `, installs at ${config.slack.oauth.installPath}` : ''}`;
  const discordShards = Array.isArray(config.discord?.shards) ? ` (shards ${config.discord.shards.join(',')} of ${config.discord.shardCount})` : '';
  const platforms = [config.discord && `Discord${discordShards}`, config.slack && `Slack (${slackMode})`].filter(Boolean);
  if (platforms.length) return `starting ${platforms.join(' and ')} (tokens found in the environment)`;
  return 'no DISCORD_TOKEN or SLACK_BOT_TOKEN set: running the local chat mode in this terminal';
}

async function main(environment: Environment): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(environment.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`papers-bot: ${err.message}\nSee .env.example for every variable.\n`);
    return 1;
  }
  // Logs go to stderr: in the local mode stdout is the chat.
  const local = !config.discord && !config.slack;
  const level = config.logLevel ?? (local ? 'warn' : 'info');
  // A person reads the local mode's terminal; a deployed bot's logs go to a collector.
  const logger = createLogger(level, config.logFormat ?? (local && process.stderr.isTTY ? 'pretty' : 'json'));
  process.stderr.write(`papers-bot: ${describeEnvironment(environment)}\n`);
  process.stderr.write(`papers-bot: ${describeMode(config)} — data in ${config.dataDir}\n`);

  // Search index and exports stay in DATA_DIR even when the store is PostgreSQL.
  checkDataDir(config.dataDir);
  // prom-client loads only when asked for: without METRICS_PORT nothing is counted.
  const prom = config.metricsPort !== undefined ? (await import('./runtime/prom-metrics.js')).createPromMetrics() : undefined;
  const metrics = prom ?? noMetrics;
  // Names this process in digest-run claims and the sources lease when several instances share a store.
  const instanceId = newInstanceId();
  const bot = await createBot({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    instanceId,
    digestLeaseMs: config.digestLeaseMs,
    isGoneInstance: (id) => isGoneInstance(id),
    logger,
    maxFileBytes: config.maxFileBytes,
    maxLatenessMs: config.digestMaxLatenessMs,
    exportDir: join(config.dataDir, 'exports'),
    metrics,
  });
  const sample = await ensureSampleDigest(bot, config.sampleDigest);
  if (sample?.ok) process.stderr.write(`papers-bot: empty store — ingested the sample digest ${sample.origin} (${counted(sample.papers, 'paper')})\n`);
  else if (sample) logger.warn({ error: sample.error }, 'sample digest not ingested');

  const newSources = () => createLiveSources({
    ingest: bot.ingest,
    logger,
    clock: bot.clock,
    inboxDir: config.inboxDir,
    hf: config.hf,
    arxiv: config.arxiv,
    fetchTimeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxFileBytes,
    metrics,
  });

  let stopped = false;
  const running: Running[] = [];
  const checks: Record<string, HealthCheck> = {
    store: async () => {
      if (stopped) return 'closed (shutting down)';
      await bot.store.maxSeq();
      return undefined;
    },
  };
  // Up before the platforms connect, so /healthz says "not started" rather than nothing answering.
  let health: HealthServer | undefined;
  if (prom && config.metricsPort !== undefined) {
    const { startHealthServer } = await import('./runtime/health-server.js');
    health = await startHealthServer(config.metricsPort, prom.registry, checks);
    process.stderr.write(`papers-bot: health and metrics on port ${health.port} (GET /healthz, GET /metrics)\n`);
  }
  if (config.slack) {
    // Platform SDKs load only when configured: the local mode starts without them.
    const { createSlackAdapter } = await import('./adapters/slack/slack-adapter.js');
    const slack = createSlackAdapter({
      config: config.slack,
      chat: bot.chat,
      logger,
      metrics,
      installations: bot.storage.installations,
      seenEvents: bot.storage.seenEvents,
    });
    checks.slack = () => slack.health();
    bot.digests.setPublisher(slack.publisher);
    await slack.start();
    running.push(slack);
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('./adapters/discord/discord-adapter.js');
    const discord = createDiscordAdapter({ config: config.discord, chat: bot.chat, logger, metrics });
    checks.discord = () => discord.health();
    await discord.start();
    bot.digests.setPublisher(discord.publisher);
    running.push(discord);
  }
  if (local) bot.digests.setPublisher(createLocalPublisher(process.stdout, join(config.dataDir, 'exports')));

  // One tick a minute. Digests never wait for sources (an HF fetch with retries can take a minute),
  // and the engine itself makes overlapping ticks safe, so only the sources get a guard.
  // The sources (HF, arXiv, the inbox watcher) run on one instance at a time (sources-lease.ts).
  const sources = createSourcesLease({ locks: bot.storage.locks, holder: instanceId, clock: bot.clock, logger, start: newSources, isGone: (h) => isGoneInstance(h) });
  const tick = () => {
    void sources.tick().catch((err) => logger.error({ err }, 'sources lease check failed'));
    void bot.digests.tick().catch((err) => logger.error({ err }, 'digest tick failed'));
    void bot.retention.tick().catch((err) => logger.error({ err }, 'message retention sweep failed'));
  };
  const task = startMinuteTick(tick, logger);
  // At start too, so the inbox is watched at once rather than from the first minute tick.
  void sources.tick().catch((err) => logger.error({ err }, 'sources lease check failed'));
  void bot.retention.tick().catch((err) => logger.error({ err }, 'message retention sweep failed'));
  void bot.digests.catchUp().catch((err) => logger.error({ err }, 'catch-up failed'));
  // Vega and resvg load now, in the background, rather than inside the first /papers trends (2–3 s).
  void warmTrendsRenderer().catch((err) => logger.warn({ err }, 'trends renderer warm-up failed'));
  // Between minute ticks: runs handed back by a stopped instance, or held by a gone one on this host,
  // are taken over within seconds instead of at the next tick or once their lease runs out.
  const resumeTimer = setInterval(() => void bot.digests.resume().catch((err) => logger.error({ err }, 'digest resume failed')), RESUME_INTERVAL_MS);

  // Stops new work (local lines, ticks, platform events), lets what is in flight finish, closes the store.
  const stopping = new AbortController();
  let closing: Promise<void> | undefined;
  const shutdown = () =>
    (closing ??= (async () => {
      stopped = true;
      stopping.abort();
      await task.stop();
      clearInterval(resumeTimer);
      // Before the platforms stop: the post in flight is sent and recorded, the rest handed back.
      await bot.digests.stop().catch((err) => logger.error({ err }, 'handing back digest runs failed'));
      await health?.close();
      for (const r of running) await r.stop().catch((err) => logger.error({ err }, 'stop failed'));
      await sources.close().catch((err) => logger.error({ err }, 'sources lease release failed'));
      await bot.close();
    })());
  // A signal gets SHUTDOWN_TIMEOUT_MS: 1,500 queued chat lines kept the bot answering for over 30 s.
  // Past it, what is still running is abandoned: the store is closed between two statements (SQLite
  // calls are synchronous, so none is half done when this timer runs) and the bot exits 0.
  const onSignal = (signal: string) => {
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    setTimeout(() => {
      logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown took too long: abandoning work in flight');
      // SQLite closes synchronously inside close(); PostgreSQL gets a second to end its pool.
      const closed = bot.storage.close().catch((err) => logger.error({ err }, 'closing the store failed'));
      void Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]).then(() => process.exit(0));
    }, config.shutdownTimeoutMs).unref();
    void shutdown().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  if (local) {
    await runLocalMode({ chat: bot.chat, digests: bot.digests, input: process.stdin, output: process.stdout, exportDir: join(config.dataDir, 'exports'), signal: stopping.signal });
    await shutdown();
  }
  return 0;
}

let environment: Environment | undefined;
try {
  environment = loadEnvironment(process.env);
} catch (err) {
  if (!(err instanceof EnvFileError)) throw err;
  process.stderr.write(`papers-bot: ${err.message}\n`);
  process.exitCode = 1;
}
if (environment) {
  const env = environment;
  main(env).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // What an operator can fix gets one sentence; anything else is a bug, and DEBUG=1 shows where.
      const known = err instanceof DataDirError || isReadOnlyError(err);
      const what = err instanceof DataDirError ? err.message : isReadOnlyError(err) ? `cannot write the store in DATA_DIR (${(err as Error).message}): set DATA_DIR to a folder the bot may write` : (err as Error).message;
      const detail = debugEnabled(env.env) ? `\n${(err as Error).stack ?? err}` : known ? '' : ' (run again with DEBUG=1 for the stack trace)';
      process.stderr.write(`papers-bot: failed to start: ${what}${detail}\n`);
      process.exitCode = 1;
    },
  );
}
