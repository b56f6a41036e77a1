/**
 * One bot instance as a real process, for the multi-instance test and `npm run bench:instances`:
 * createBot on the shared PostgreSQL (DATABASE_URL), the real Slack adapter (Bolt, HTTP mode on a
 * free port) against the fake Slack (SLACK_API_URL), and the digest engine ticked every TICK_MS
 * instead of every minute. CLOCK_OFFSET_MS moves its clock so the test's slot comes at once.
 * Prints `ready` on stdout once it is ticking; logs go to stderr.
 */
import pino from 'pino';
import { createSlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { createBot } from '../../src/bot.js';
import type { Clock } from '../../src/core/clock.js';
import type { Logger } from '../../src/core/logger.js';

const env = process.env;
const offset = Number(env.CLOCK_OFFSET_MS ?? 0);
const clock: Clock = {
  now: () => new Date(Date.now() + offset),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};
const logger = pino({ level: env.LOG_LEVEL ?? 'warn', base: { instance: env.INSTANCE_ID } }, pino.destination(2)) as unknown as Logger;

const bot = await createBot({
  dataDir: env.DATA_DIR!,
  databaseUrl: env.DATABASE_URL,
  clock,
  logger,
  instanceId: env.INSTANCE_ID,
  digestLeaseMs: Number(env.LEASE_MS ?? 3000),
});
const slack = createSlackAdapter({
  config: { botToken: 'xoxb-test', signingSecret: 'test-secret', apiUrl: env.SLACK_API_URL, adminUsers: [], port: 0 },
  chat: bot.chat,
  logger,
});
bot.digests.setPublisher(slack.publisher);
await slack.start();
setInterval(() => void bot.digests.tick().catch((err) => logger.error({ err }, 'tick failed')), Number(env.TICK_MS ?? 250));
process.stdout.write('ready\n');
