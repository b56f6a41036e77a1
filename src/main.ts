/**
 * The composition root: reads the config once, opens the bot, starts the configured platforms
 * (or the local chat mode when no tokens are set), and drives digests and live sources from one
 * node-cron minute tick. Nothing else in the project reads the environment or imports node-cron.
 */
import { join } from 'node:path';
import cron from 'node-cron';
import pino from 'pino';
import { createLocalPublisher } from './adapters/local/local-publisher.js';
import { runLocalMode } from './adapters/local/local-mode.js';
import { createBot, ensureSampleDigest } from './bot.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Logger } from './core/logger.js';
import { createLiveSources } from './core/sources/live-sources.js';

interface Running {
  stop(): Promise<void>;
}

function describeMode(config: Config): string {
  const platforms = [config.discord && 'Discord', config.slack && `Slack (${config.slack.appToken ? 'Socket Mode' : `HTTP on port ${config.slack.port}`})`].filter(Boolean);
  if (platforms.length) return `starting ${platforms.join(' and ')} (tokens found in the environment)`;
  return 'no DISCORD_TOKEN or SLACK_BOT_TOKEN set: running the local chat mode in this terminal';
}

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`papers-bot: ${err.message}\nSee .env.example for every variable.\n`);
    return 1;
  }
  // Logs go to stderr: in the local mode stdout is the chat.
  const local = !config.discord && !config.slack;
  const level = config.logLevel ?? (local ? 'warn' : 'info');
  const logger = pino({ level, base: undefined }, pino.destination(2)) as unknown as Logger;
  process.stderr.write(`papers-bot: ${describeMode(config)} — data in ${config.dataDir}\n`);

  const bot = await createBot({
    dataDir: config.dataDir,
    logger,
    maxFileBytes: config.maxFileBytes,
    maxLatenessMs: config.digestMaxLatenessMs,
    exportDir: join(config.dataDir, 'exports'),
  });
  const sample = await ensureSampleDigest(bot, config.sampleDigest);
  if (sample?.ok) process.stderr.write(`papers-bot: empty store — ingested the sample digest ${sample.origin} (${sample.papers} papers)\n`);
  else if (sample) logger.warn({ error: sample.error }, 'sample digest not ingested');

  const sources = createLiveSources({
    ingest: bot.ingest,
    logger,
    clock: bot.clock,
    inboxDir: config.inboxDir,
    hf: config.hf,
    arxiv: config.arxiv,
    fetchTimeoutMs: config.fetchTimeoutMs,
    maxBytes: config.maxFileBytes,
  });

  const running: Running[] = [];
  if (config.slack) {
    // Platform SDKs load only when configured: the local mode starts without them.
    const { createSlackAdapter } = await import('./adapters/slack/slack-adapter.js');
    const slack = createSlackAdapter({ config: config.slack, chat: bot.chat, logger });
    bot.digests.setPublisher(slack.publisher);
    await slack.start();
    running.push(slack);
  }
  if (config.discord) {
    const { createDiscordAdapter } = await import('./adapters/discord/discord-adapter.js');
    const discord = createDiscordAdapter({ config: config.discord, chat: bot.chat, logger });
    await discord.start();
    bot.digests.setPublisher(discord.publisher);
    running.push(discord);
  }
  if (local) bot.digests.setPublisher(createLocalPublisher(process.stdout));

  // One tick a minute. Digests never wait for sources (an HF fetch with retries can take a minute),
  // and the engine itself makes overlapping ticks safe, so only the sources get a guard.
  let fetching = false;
  const tick = () => {
    if (!fetching) {
      fetching = true;
      void sources.tick().finally(() => {
        fetching = false;
      });
    }
    void bot.digests.tick().catch((err) => logger.error({ err }, 'digest tick failed'));
    void bot.retention.tick().catch((err) => logger.error({ err }, 'message retention sweep failed'));
  };
  void bot.retention.tick().catch((err) => logger.error({ err }, 'message retention sweep failed'));
  const task = cron.schedule('* * * * *', tick);
  void bot.digests.catchUp().catch((err) => logger.error({ err }, 'catch-up failed'));

  // Stops new work (local lines, ticks, platform events), lets what is in flight finish, closes the store.
  const stopping = new AbortController();
  let closing: Promise<void> | undefined;
  const shutdown = () =>
    (closing ??= (async () => {
      stopping.abort();
      await task.stop();
      for (const r of running) await r.stop().catch((err) => logger.error({ err }, 'stop failed'));
      sources.close();
      await bot.close();
    })());
  // A signal gets SHUTDOWN_TIMEOUT_MS: 1,500 queued chat lines kept the bot answering for over 30 s.
  // Past it, what is still running is abandoned: the store is closed between two statements (SQLite
  // calls are synchronous, so none is half done when this timer runs) and the bot exits 0.
  const onSignal = (signal: string) => {
    logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    setTimeout(() => {
      logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown took too long: abandoning work in flight');
      try {
        bot.db.close();
      } catch (err) {
        logger.error({ err }, 'closing the store failed');
      }
      process.exit(0);
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

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`papers-bot: failed to start: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  },
);
