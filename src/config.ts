import * as z from 'zod';
import { readEnvFile } from './env-file.js';
import { bool, httpUrl, listOf, numberIn, oneOf, prefixed, text, timeOfDay } from './env-values.js';

/**
 * The environment, parsed once at start with zod. Nothing else reads process.env. Every problem is
 * reported at once, naming the variable and the accepted range, so a misconfigured deploy fails in
 * one go. Blank values (empty or only spaces) mean "unset": the default applies.
 */

const EnvSchema = z.object({
  DATA_DIR: text.default('./data'),
  /** Default: info, or warn in the local chat mode where logs share the terminal. */
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const).optional(),
  /** Default: pretty in the local chat mode on a terminal (a person reads it), else json (a log collector does). */
  LOG_FORMAT: oneOf(['json', 'pretty'] as const).optional(),
  /**
   * Files above this size are refused by ingest and the inbox. 512 MB is the most a file can be
   * and still be decoded into one JavaScript string (V8's limit is ~536 M characters).
   */
  MAX_FILE_MB: numberIn(0.001, 512, { unit: 'MB' }).default(50),
  /** The digest ingested on the first start when the store is empty. */
  SAMPLE_DIGEST: text.default('./data/sample-digest.txt'),
  INBOX_DIR: text.optional(),
  HF_API_URL: httpUrl.default('https://huggingface.co'),
  /** When the HF day's list is fetched, in US Eastern time (HH:MM). */
  HF_FETCH_TIME: timeOfDay.default('21:30'),
  /** Default: on when a platform token is set, off in the local chat mode. */
  HF_FETCH_ENABLED: bool.optional(),
  ARXIV_RSS_URL: httpUrl.default('https://rss.arxiv.org/rss'),
  /** arXiv categories to follow by RSS, comma-separated (empty: none): cs.LG, hep-th, q-bio.NC. */
  ARXIV_CATEGORIES: listOf(/^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$/, 'arXiv categories such as cs.LG,hep-th').default([]),
  /** A digest missed while the bot was down is posted at start if less late than this (a week at most). */
  DIGEST_MAX_LATENESS_HOURS: numberIn(0, 168, { unit: 'hours' }).default(6),
  /** Below 100 ms nothing completes; above 10 minutes a hung source holds the minute tick for too long. */
  FETCH_TIMEOUT_MS: numberIn(100, 600_000, { int: true, unit: 'ms' }).default(20_000),
  /** 0 takes any free port (tests). */
  PORT: numberIn(0, 65535, { int: true }).default(3000),
  /** On SIGTERM/SIGINT, work in flight gets this long to finish before it is abandoned and the bot exits. */
  SHUTDOWN_TIMEOUT_MS: numberIn(100, 600_000, { int: true, unit: 'ms' }).default(10_000),

  SLACK_BOT_TOKEN: prefixed('xoxb-', 'a Slack bot token').optional(),
  SLACK_SIGNING_SECRET: text.optional(),
  SLACK_APP_TOKEN: prefixed('xapp-', 'a Slack app-level token').optional(),
  SLACK_API_URL: httpUrl.optional(),
  SLACK_ADMIN_USERS: listOf(/^[UW][A-Z0-9]+$/, 'Slack user ids such as U012ABC').default([]),

  DISCORD_TOKEN: text.optional(),
  /** Discord ids are snowflakes: 17 to 20 digits. */
  DISCORD_APP_ID: z.string().regex(/^\d{17,20}$/, 'expected a Discord application id (17 to 20 digits)').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{17,20}$/, 'expected a Discord server id (17 to 20 digits)').optional(),
  DISCORD_API_URL: httpUrl.optional(),

  /** Serves /healthz and /metrics when set. */
  METRICS_PORT: numberIn(0, 65535, { int: true }).optional(),

  /** postgres://… : a shared PostgreSQL store for several instances (unset: SQLite in DATA_DIR). */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "expected a postgres:// or postgresql:// URL (the value is not shown: it may hold a password)").optional(),
  /** How long a silent instance keeps its claimed digest runs before another takes them over. */
  DIGEST_LEASE_SECONDS: numberIn(5, 3600, { int: true, unit: 'seconds' }).default(60),

  /** Shards this process runs: `auto` (default), or ids and ranges such as `0,2-3` (with DISCORD_SHARD_COUNT). */
  DISCORD_SHARD_IDS: z
    .string()
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^(auto|\d{1,6}(-\d{1,6})?(,\d{1,6}(-\d{1,6})?)*)$/, 'expected auto, or shard ids and ranges like 0,2-3'))
    .optional(),
  /** Total shards across every instance; Discord requires one per 2,500 servers at most. */
  DISCORD_SHARD_COUNT: numberIn(1, 100_000, { int: true }).optional(),

  /** Slack OAuth installs (distribution): set these three instead of SLACK_BOT_TOKEN. */
  SLACK_CLIENT_ID: z.string().optional(),
  SLACK_CLIENT_SECRET: z.string().optional(),
  /** Signs the OAuth `state`; every instance must share it. */
  SLACK_STATE_SECRET: z.string().min(16, 'use at least 16 characters').optional(),
  SLACK_INSTALL_PATH: z.string().regex(/^\/[\w\-./]*$/, 'expected a path such as /slack/install').default('/slack/install'),
  SLACK_REDIRECT_PATH: z.string().regex(/^\/[\w\-./]*$/, 'expected a path such as /slack/oauth_redirect').default('/slack/oauth_redirect'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface SlackConfig {
  /** Single-workspace mode; absent when `oauth` is set (many workspaces, tokens from installs). */
  botToken?: string;
  /** HTTP mode when set and appToken is not. */
  signingSecret?: string;
  /** Socket Mode when set. */
  appToken?: string;
  apiUrl?: string;
  adminUsers: string[];
  port: number;
  /** OAuth installs through Bolt's installer (HTTP mode only). */
  oauth?: SlackOAuthConfig;
}

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installPath: string;
  redirectPath: string;
}

export interface DiscordConfig {
  token: string;
  appId: string;
  guildId?: string;
  apiUrl?: string;
  /** 'auto': Discord's recommended count, all in this process. Else the ids this process runs, of `shardCount`. */
  shards?: 'auto' | number[];
  shardCount?: number;
}

export interface Config {
  dataDir: string;
  logLevel?: Env['LOG_LEVEL'];
  logFormat?: Env['LOG_FORMAT'];
  maxFileBytes: number;
  sampleDigest: string;
  inboxDir: string;
  hf: { apiUrl: string; fetchTime?: string; enabled: boolean };
  arxiv: { rssUrl: string; categories: string[] };
  digestMaxLatenessMs: number;
  fetchTimeoutMs: number;
  shutdownTimeoutMs: number;
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** The health and metrics HTTP port; undefined: not served. */
  metricsPort?: number;
  databaseUrl?: string;
  digestLeaseMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError' as const;
  constructor(readonly problems: string[]) {
    super(`configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses an environment (process.env in main, a plain object in tests). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Blank means "unset": .env files often carry `SLACK_BOT_TOKEN=`, and `X=" "` is a slip, not a 0.
  const cleaned = Object.fromEntries(
    Object.entries(env)
      .filter(([k]) => k in EnvSchema.shape)
      .map(([k, v]) => [k, v?.trim()])
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;

  let slack: SlackConfig | undefined;
  const oauth = slackOAuth(e, problems);
  if (e.SLACK_BOT_TOKEN || oauth) {
    if (e.SLACK_BOT_TOKEN && oauth) problems.push('SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set: use the token for one workspace or OAuth installs for many, not both');
    if (oauth && !e.SLACK_SIGNING_SECRET) problems.push('SLACK_CLIENT_ID is set but SLACK_SIGNING_SECRET is not (OAuth installs run in HTTP mode)');
    if (oauth && e.SLACK_APP_TOKEN) problems.push('SLACK_CLIENT_ID and SLACK_APP_TOKEN are both set: OAuth installs run in HTTP mode, unset SLACK_APP_TOKEN');
    if (!oauth && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push('SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is');
    }
    slack = {
      botToken: oauth ? undefined : e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      adminUsers: e.SLACK_ADMIN_USERS,
      port: e.PORT,
      ...(oauth ? { oauth } : {}),
    };
  } else if (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not');
  }

  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN) {
    if (!e.DISCORD_APP_ID) problems.push('DISCORD_TOKEN is set but DISCORD_APP_ID is not');
    discord = { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID ?? '', guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL, ...discordShards(e, problems) };
  }
  if (problems.length) throw new ConfigError(problems);
  // A deployed bot with no live source posts nothing new, so HF is on there; the local chat mode
  // may run offline and already has the sample digest, so it does not reach out unless asked.
  const hfEnabled = e.HF_FETCH_ENABLED ?? (slack !== undefined || discord !== undefined);

  return {
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024),
    sampleDigest: e.SAMPLE_DIGEST,
    inboxDir: e.INBOX_DIR ?? `${e.DATA_DIR.replace(/\/$/, '')}/inbox`,
    hf: { apiUrl: e.HF_API_URL, fetchTime: e.HF_FETCH_TIME, enabled: hfEnabled },
    arxiv: { rssUrl: e.ARXIV_RSS_URL, categories: e.ARXIV_CATEGORIES },
    digestMaxLatenessMs: e.DIGEST_MAX_LATENESS_HOURS * 3600_000,
    fetchTimeoutMs: e.FETCH_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    slack,
    discord,
    metricsPort: e.METRICS_PORT,
    databaseUrl: e.DATABASE_URL,
    digestLeaseMs: e.DIGEST_LEASE_SECONDS * 1000,
  };
}

/** What the configuration is read from: the process environment over a .env file. */
export interface Environment {
  env: Record<string, string | undefined>;
  /** The .env file read (absolute path), if any. */
  envFile?: string;
}

/**
 * The process environment over the variables of a .env file: ENV_FILE when set (it must exist),
 * else `.env` in the working directory when there is one. A variable set in the environment wins
 * over the file, even when set to blank (so `SLACK_BOT_TOKEN= npm start` turns Slack off).
 * Throws EnvFileError (naming the file and line) for a malformed file.
 */
export function loadEnvironment(processEnv: Record<string, string | undefined>, cwd = '.'): Environment {
  const named = processEnv.ENV_FILE?.trim();
  const read = readEnvFile(named || `${cwd}/.env`, Boolean(named));
  if (!read) return { env: processEnv };
  return { env: { ...read.vars, ...processEnv }, envFile: read.file };
}

/** One start-up line saying where the configuration came from. */
export function describeEnvironment(e: Environment): string {
  return e.envFile ? `configuration: ${e.envFile}, overridden by the process environment` : 'configuration: the process environment (no .env file)';
}

/** DEBUG=1 (anything but blank or 0) asks for stack traces. */
export function debugEnabled(env: Record<string, string | undefined>): boolean {
  const v = env.DEBUG?.trim();
  return Boolean(v) && v !== '0' && v !== 'false';
}

/** SLACK_CLIENT_ID/SECRET/STATE_SECRET together, or none of them. */
function slackOAuth(e: Env, problems: string[]): SlackOAuthConfig | undefined {
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = e;
  if (clientId && clientSecret && stateSecret) {
    if (e.SLACK_INSTALL_PATH === e.SLACK_REDIRECT_PATH) problems.push('SLACK_INSTALL_PATH and SLACK_REDIRECT_PATH must differ');
    return { clientId, clientSecret, stateSecret, installPath: e.SLACK_INSTALL_PATH, redirectPath: e.SLACK_REDIRECT_PATH };
  }
  const missing = Object.entries({ SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret })
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length < 3) problems.push(`Slack OAuth needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together; missing ${missing.join(', ')}`);
  return undefined;
}

/**
 * Which shards this process runs. Unset or `auto`: Discord's recommended count, all here (or all
 * of DISCORD_SHARD_COUNT when that is set). A list: those ids of DISCORD_SHARD_COUNT, so several
 * instances can split one bot's shards between them.
 */
function discordShards(e: Env, problems: string[]): Pick<DiscordConfig, 'shards' | 'shardCount'> {
  const count = e.DISCORD_SHARD_COUNT;
  if (!e.DISCORD_SHARD_IDS || e.DISCORD_SHARD_IDS === 'auto') {
    return count ? { shards: Array.from({ length: count }, (_, i) => i), shardCount: count } : { shards: 'auto' };
  }
  if (!count) {
    problems.push('DISCORD_SHARD_IDS lists shards but DISCORD_SHARD_COUNT (the total across instances) is not set');
    return { shards: 'auto' };
  }
  const ids = new Set<number>();
  for (const part of e.DISCORD_SHARD_IDS.split(',')) {
    const [from, to = from] = part.split('-').map(Number);
    // Checked before expanding, so a huge range never allocates.
    if (to < from || to >= count) {
      problems.push(`DISCORD_SHARD_IDS: ${part} is not within 0-${count - 1} (DISCORD_SHARD_COUNT is ${count})`);
      continue;
    }
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return { shards: [...ids].sort((a, b) => a - b), shardCount: count };
}
