import { z } from "zod";
import { readEnvFile } from "./env-file.js";
import { bool, httpUrl, listOf, numberIn, oneOf, prefixed, text, timeOfDay } from "./env-values.js";
const EnvSchema = z.object({
  DATA_DIR: text.default("./data"),
  /** Default: info, or warn in the local chat mode where logs share the terminal. */
  LOG_LEVEL: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /**
   * Files above this size are refused by ingest and the inbox. 512 MB is the most a file can be
   * and still be decoded into one JavaScript string (V8's limit is ~536 M characters).
   */
  MAX_FILE_MB: numberIn(1e-3, 512, { unit: "MB" }).default(50),
  /** The digest ingested on the first start when the store is empty. */
  SAMPLE_DIGEST: text.default("./data/sample-digest.txt"),
  INBOX_DIR: text.optional(),
  HF_API_URL: httpUrl.default("https://huggingface.co"),
  /** When the HF day's list is fetched, in US Eastern time (HH:MM). */
  HF_FETCH_TIME: timeOfDay.default("21:30"),
  /** Default: on when a platform token is set, off in the local chat mode. */
  HF_FETCH_ENABLED: bool.optional(),
  ARXIV_RSS_URL: httpUrl.default("https://rss.arxiv.org/rss"),
  /** arXiv categories to follow by RSS, comma-separated (empty: none): cs.LG, hep-th, q-bio.NC. */
  ARXIV_CATEGORIES: listOf(/^[a-z][a-z-]*(\.[A-Za-z][A-Za-z-]*)?$/, "arXiv categories such as cs.LG,hep-th").default([]),
  /** A digest missed while the bot was down is posted at start if less late than this (a week at most). */
  DIGEST_MAX_LATENESS_HOURS: numberIn(0, 168, { unit: "hours" }).default(6),
  /** Below 100 ms nothing completes; above 10 minutes a hung source holds the minute tick for too long. */
  FETCH_TIMEOUT_MS: numberIn(100, 6e5, { int: true, unit: "ms" }).default(2e4),
  /** 0 takes any free port (tests). */
  PORT: numberIn(0, 65535, { int: true }).default(3e3),
  SLACK_BOT_TOKEN: prefixed("xoxb-", "a Slack bot token").optional(),
  SLACK_SIGNING_SECRET: text.optional(),
  SLACK_APP_TOKEN: prefixed("xapp-", "a Slack app-level token").optional(),
  SLACK_API_URL: httpUrl.optional(),
  SLACK_ADMIN_USERS: listOf(/^[UW][A-Z0-9]+$/, "Slack user ids such as U012ABC").default([]),
  DISCORD_TOKEN: text.optional(),
  /** Discord ids are snowflakes: 17 to 20 digits. */
  DISCORD_APP_ID: z.string().regex(/^\d{17,20}$/, "expected a Discord application id (17 to 20 digits)").optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{17,20}$/, "expected a Discord server id (17 to 20 digits)").optional(),
  DISCORD_API_URL: httpUrl.optional(),
  /** Serves /healthz and /metrics when set. */
  METRICS_PORT: numberIn(0, 65535, { int: true }).optional()
});
class ConfigError extends Error {
  constructor(problems) {
    super(`configuration problems:
${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.problems = problems;
  }
  problems;
  name = "ConfigError";
}
function loadConfig(env) {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k]) => k in EnvSchema.shape).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v !== void 0 && v !== "")
  );
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  let slack;
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push("SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is");
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      adminUsers: e.SLACK_ADMIN_USERS,
      port: e.PORT
    };
  } else if (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    problems.push("SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not");
  }
  let discord;
  if (e.DISCORD_TOKEN) {
    if (!e.DISCORD_APP_ID) problems.push("DISCORD_TOKEN is set but DISCORD_APP_ID is not");
    discord = { token: e.DISCORD_TOKEN, appId: e.DISCORD_APP_ID ?? "", guildId: e.DISCORD_GUILD_ID, apiUrl: e.DISCORD_API_URL };
  }
  if (problems.length) throw new ConfigError(problems);
  const hfEnabled = e.HF_FETCH_ENABLED ?? (slack !== void 0 || discord !== void 0);
  return {
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024),
    sampleDigest: e.SAMPLE_DIGEST,
    inboxDir: e.INBOX_DIR ?? `${e.DATA_DIR.replace(/\/$/, "")}/inbox`,
    hf: { apiUrl: e.HF_API_URL, fetchTime: e.HF_FETCH_TIME, enabled: hfEnabled },
    arxiv: { rssUrl: e.ARXIV_RSS_URL, categories: e.ARXIV_CATEGORIES },
    digestMaxLatenessMs: e.DIGEST_MAX_LATENESS_HOURS * 36e5,
    fetchTimeoutMs: e.FETCH_TIMEOUT_MS,
    slack,
    discord,
    metricsPort: e.METRICS_PORT
  };
}
function loadEnvironment(processEnv, cwd = ".") {
  const named = processEnv.ENV_FILE?.trim();
  const read = readEnvFile(named || `${cwd}/.env`, Boolean(named));
  if (!read) return { env: processEnv };
  return { env: { ...read.vars, ...processEnv }, envFile: read.file };
}
function describeEnvironment(e) {
  return e.envFile ? `configuration: ${e.envFile}, overridden by the process environment` : "configuration: the process environment (no .env file)";
}
function debugEnabled(env) {
  const v = env.DEBUG?.trim();
  return Boolean(v) && v !== "0" && v !== "false";
}
export {
  ConfigError,
  debugEnabled,
  describeEnvironment,
  loadConfig,
  loadEnvironment
};
//# sourceMappingURL=config.js.map
