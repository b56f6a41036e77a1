/**
 * One bot instance as a real process, for the multi-instance test and `npm run bench:instances`:
 * createBot on the shared PostgreSQL (DATABASE_URL), the real Slack adapter (Bolt, HTTP mode on a
 * free port) against the fake Slack (SLACK_API_URL), the real Discord publisher (REST, no gateway:
 * digests need none) against the fake Discord when DISCORD_API_URL is set, and the digest engine
 * ticked every TICK_MS instead of every minute and resumed every RESUME_MS as src/main.ts does.
 * INSTANCE_ID names it; unset, it is host:pid:random as in main, so a survivor on this host sees
 * it gone. SIGTERM hands its runs back as main does. CLOCK_OFFSET_MS moves its clock.
 * Prints `ready <instance id>` on stdout once it is ticking; logs go to stderr.
 */
import pino from 'pino';
import { createDiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { createSlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { createBot } from '../../src/bot.js';
import type { Clock } from '../../src/core/clock.js';
import type { Logger } from '../../src/core/logger.js';
import { isGoneInstance, newInstanceId } from '../../src/runtime/instance-id.js';

const env = process.env;
const offset = Number(env.CLOCK_OFFSET_MS ?? 0);
const clock: Clock = {
  now: () => new Date(Date.now() + offset),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};
const instanceId = env.INSTANCE_ID ?? newInstanceId();
const logger = pino({ level: env.LOG_LEVEL ?? 'warn', base: { instance: instanceId } }, pino.destination(2)) as unknown as Logger;

const bot = await createBot({
  dataDir: env.DATA_DIR!,
  databaseUrl: env.DATABASE_URL,
  clock,
  logger,
  instanceId,
  digestLeaseMs: Number(env.LEASE_MS ?? 3000),
  isGoneInstance: (id) => isGoneInstance(id),
});
const slack = createSlackAdapter({
  config: { botToken: 'xoxb-test', signingSecret: 'test-secret', apiUrl: env.SLACK_API_URL, adminUsers: [], port: 0 },
  chat: bot.chat,
  logger,
});
bot.digests.setPublisher(slack.publisher);
await slack.start();
if (env.DISCORD_API_URL) {
  const discord = createDiscordAdapter({ config: { token: env.DISCORD_TOKEN!, appId: env.DISCORD_APP_ID!, apiUrl: env.DISCORD_API_URL }, chat: bot.chat, logger });
  bot.digests.setPublisher(discord.publisher);
}
const ticks = setInterval(() => void bot.digests.tick().catch((err) => logger.error({ err }, 'tick failed')), Number(env.TICK_MS ?? 250));
const resumes = setInterval(() => void bot.digests.resume().catch((err) => logger.error({ err }, 'resume failed')), Number(env.RESUME_MS ?? 5000));
process.once('SIGTERM', () => {
  clearInterval(ticks);
  clearInterval(resumes);
  void bot.digests
    .stop()
    .then(() => bot.close())
    .then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
});
process.stdout.write(`ready ${instanceId}\n`);
