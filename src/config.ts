import { z } from 'zod';

/**
 * The environment, parsed once at start with zod. Nothing else reads process.env. Every problem is
 * reported at once, naming the variable, so a misconfigured deploy fails in one go.
 */

const csv = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));

/** Unset stays undefined, so a default can depend on other variables. */
const optionalBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((s) => (s === undefined || s === '' ? undefined : s === 'true' || s === '1' || s === 'yes'));

const EnvSchema = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  /** Default: info, or warn in the local chat mode where logs share the terminal. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Files above this size are refused by ingest and the inbox. */
  MAX_FILE_MB: z.coerce.number().positive().max(4096).default(50),
  /** The digest ingested on the first start when the store is empty. */
  SAMPLE_DIGEST: z.string().default('./data/sample-digest.txt'),
  INBOX_DIR: z.string().optional(),
  HF_API_URL: z.string().url().default('https://huggingface.co'),
  /** When the HF day's list is fetched, in US Eastern time (HH:MM). Empty string turns it off. */
  HF_FETCH_TIME: z.string().regex(/^(\d{2}:\d{2})?$/, 'expected HH:MM').default('21:30'),
  /** Default: on when a platform token is set, off in the local chat mode. */
  HF_FETCH_ENABLED: optionalBool,
  ARXIV_RSS_URL: z.string().url().default('https://rss.arxiv.org/rss'),
  /** arXiv categories to follow by RSS, comma-separated (empty: none). */
  ARXIV_CATEGORIES: csv,
  /** A digest missed while the bot was down is posted at start if less late than this. */
  DIGEST_MAX_LATENESS_HOURS: z.coerce.number().min(0).max(168).default(6),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** On SIGTERM/SIGINT, work in flight gets this long to finish before it is abandoned and the bot exits. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),

  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
  SLACK_ADMIN_USERS: csv,

  DISCORD_TOKEN: z.string().optional(),
  DISCORD_APP_ID: z.string().optional(),
  DISCORD_GUILD_ID: z.string().optional(),
  DISCORD_API_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface SlackConfig {
  botToken: string;
  /** HTTP mode when set and appToken is not. */
  signingSecret?: string;
  /** Socket Mode when set. */
  appToken?: string;
  apiUrl?: string;
  adminUsers: string[];
  port: number;
}

export interface DiscordConfig {
  token: string;
  appId: string;
  guildId?: string;
  apiUrl?: string;
}

export interface Config {
  dataDir: string;
  logLevel?: Env['LOG_LEVEL'];
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
}

export class ConfigError extends Error {
  override name = 'ConfigError' as const;
  constructor(readonly problems: string[]) {
    super(`configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses an environment (process.env in main, a plain object in tests). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset": .env files often carry `SLACK_BOT_TOKEN=`.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push('SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is');
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      adminUsers: e.SLACK_ADMIN_USERS,
      port: e.PORT,
    };
  } else if (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not');
  }

  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN) {
    if (!e.DISCORD_APP_ID) problems.push('DISCORD_TOKEN is set but DISCORD_APP_ID is not');
    discord = { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID ?? '', guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL };
  }
  if (problems.length) throw new ConfigError(problems);
  // A deployed bot with no live source posts nothing new, so HF is on there; the local chat mode
  // may run offline and already has the sample digest, so it does not reach out unless asked.
  const hfEnabled = e.HF_FETCH_ENABLED ?? (slack !== undefined || discord !== undefined);

  return {
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024),
    sampleDigest: e.SAMPLE_DIGEST,
    inboxDir: e.INBOX_DIR ?? `${e.DATA_DIR.replace(/\/$/, '')}/inbox`,
    hf: { apiUrl: e.HF_API_URL, fetchTime: e.HF_FETCH_TIME || undefined, enabled: hfEnabled },
    arxiv: { rssUrl: e.ARXIV_RSS_URL, categories: e.ARXIV_CATEGORIES },
    digestMaxLatenessMs: e.DIGEST_MAX_LATENESS_HOURS * 3600_000,
    fetchTimeoutMs: e.FETCH_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    slack,
    discord,
  };
}
