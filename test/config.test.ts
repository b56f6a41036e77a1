import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  it('has working defaults with an empty environment (local mode)', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ dataDir: './data', maxFileBytes: 50 * 1024 * 1024, inboxDir: './data/inbox', digestMaxLatenessMs: 6 * 3600_000 });
    expect(c.slack).toBeUndefined();
    expect(c.discord).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' }).slack).toBeUndefined();
    expect(loadConfig({ LOG_FORMAT: '' }).logFormat).toBeUndefined();
  });

  it('takes the log format asked for (the default is chosen where the terminal is known, in main)', () => {
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
  });

  it('reports every problem at once, naming the variables', () => {
    try {
      loadConfig({ MAX_FILE_MB: 'lots', PORT: '99999', SLACK_BOT_TOKEN: 'xoxb-1', DISCORD_TOKEN: 't' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const msg = (err as Error).message;
      expect(msg).toMatch(/MAX_FILE_MB/);
      expect(msg).toMatch(/PORT/);
    }
    try {
      loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', DISCORD_TOKEN: 't' });
      expect.unreachable();
    } catch (err) {
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/SLACK_SIGNING_SECRET.*SLACK_APP_TOKEN/);
      expect(problems[1]).toMatch(/DISCORD_APP_ID/);
    }
  });

  describe('HF_FETCH_ENABLED', () => {
    const slack = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' };
    const discord = { DISCORD_TOKEN: 't', DISCORD_APP_ID: '123456789012345678' };

    it('defaults to on with a platform token, and fetches from the real API', () => {
      expect(loadConfig(slack).hf).toEqual({ apiUrl: 'https://huggingface.co', fetchTime: '21:30', enabled: true });
      expect(loadConfig(discord).hf.enabled).toBe(true);
      expect(loadConfig({ ...slack, ...discord }).hf.enabled).toBe(true);
    });

    it('defaults to off in the local chat mode (no tokens), empty strings counting as unset', () => {
      expect(loadConfig({}).hf.enabled).toBe(false);
      expect(loadConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', HF_FETCH_ENABLED: '' }).hf.enabled).toBe(false);
      expect(loadConfig({ ...slack, HF_FETCH_ENABLED: '' }).hf.enabled).toBe(true);
    });

    it('is settable explicitly either way', () => {
      expect(loadConfig({ ...slack, HF_FETCH_ENABLED: 'false' }).hf.enabled).toBe(false);
      expect(loadConfig({ ...discord, HF_FETCH_ENABLED: '0' }).hf.enabled).toBe(false);
      expect(loadConfig({ HF_FETCH_ENABLED: 'true' }).hf.enabled).toBe(true);
      expect(loadConfig({ HF_FETCH_ENABLED: 'yes' }).hf.enabled).toBe(true);
    });

    it('rejects anything else, naming the variable', () => {
      expect(() => loadConfig({ HF_FETCH_ENABLED: 'on' })).toThrow(/HF_FETCH_ENABLED/);
    });
  });

  it('chooses Slack HTTP or Socket Mode settings and parses lists', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_ADMIN_USERS: 'U1, U2,', ARXIV_CATEGORIES: 'cs.LG,cs.CL' });
    expect(c.slack).toMatchObject({ botToken: 'xoxb-1', appToken: 'xapp-1', adminUsers: ['U1', 'U2'] });
    expect(c.arxiv.categories).toEqual(['cs.LG', 'cs.CL']);
  });

  describe('every variable has real bounds; blank means unset', () => {
    const problemsOf = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as ConfigError).problems;
      }
    };

    it('refuses each out-of-range or malformed value with one line naming the variable and the accepted range', () => {
      const cases: Array<[string, string, RegExp]> = [
        ['FETCH_TIMEOUT_MS', '99999999999', /^FETCH_TIMEOUT_MS: expected a whole number from 100 to 600000 \(ms\), got "99999999999"$/],
        ['FETCH_TIMEOUT_MS', '0x10', /from 100 to 600000/],
        ['HF_FETCH_TIME', '99:99', /^HF_FETCH_TIME: expected a time HH:MM from 00:00 to 23:59, got "99:99"$/],
        ['HF_FETCH_TIME', '9:30', /HH:MM/],
        ['DIGEST_MAX_LATENESS_HOURS', '-1', /^DIGEST_MAX_LATENESS_HOURS: expected a number from 0 to 168 \(hours\)/],
        ['DIGEST_MAX_LATENESS_HOURS', 'six', /from 0 to 168/],
        ['MAX_FILE_MB', '0', /^MAX_FILE_MB: expected a number from 0.001 to 512 \(MB\)/],
        ['MAX_FILE_MB', '100000', /from 0.001 to 512/],
        ['PORT', '65536', /^PORT: expected a whole number from 0 to 65535/],
        ['PORT', '80.5', /whole number/],
        ['METRICS_PORT', '-1', /^METRICS_PORT: expected a whole number from 0 to 65535/],
        ['HF_API_URL', 'ftp://example.org', /^HF_API_URL: expected an http:\/\/ or https:\/\/ URL/],
        ['ARXIV_RSS_URL', 'not a url', /^ARXIV_RSS_URL: expected an http/],
        ['ARXIV_CATEGORIES', 'cs.LG, cs LG', /^ARXIV_CATEGORIES: expected a comma-separated list of arXiv categories.*got "cs LG"/],
        ['LOG_LEVEL', 'verbose', /^LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "verbose"$/],
        ['LOG_FORMAT', 'xml', /^LOG_FORMAT: expected one of json, pretty, got "xml"$/],
        ['HF_FETCH_ENABLED', 'on', /^HF_FETCH_ENABLED: expected true or false/],
        ['DISCORD_APP_ID', 'my-app', /^DISCORD_APP_ID: expected a Discord application id \(17 to 20 digits\)/],
        ['SLACK_ADMIN_USERS', 'U1,alice', /^SLACK_ADMIN_USERS: .*got "alice"/],
      ];
      for (const [name, value, message] of cases) {
        const problems = problemsOf({ [name]: value });
        expect(problems, `${name}=${value}`).toHaveLength(1);
        expect(problems[0], `${name}=${value}`).toMatch(message);
      }
    });

    it('the edges of each range are accepted', () => {
      const c = loadConfig({ FETCH_TIMEOUT_MS: '600000', HF_FETCH_TIME: '23:59', DIGEST_MAX_LATENESS_HOURS: '0', MAX_FILE_MB: '512', PORT: '0', METRICS_PORT: '65535' });
      expect(c).toMatchObject({ fetchTimeoutMs: 600_000, digestMaxLatenessMs: 0, maxFileBytes: 512 * 1024 * 1024, metricsPort: 65535 });
      expect(c.hf.fetchTime).toBe('23:59');
      expect(loadConfig({ FETCH_TIMEOUT_MS: '100', HF_FETCH_TIME: '00:00' }).fetchTimeoutMs).toBe(100);
    });

    it('blank or spaces mean unset: the default applies, never 0', () => {
      const c = loadConfig({ DIGEST_MAX_LATENESS_HOURS: ' ', FETCH_TIMEOUT_MS: '\t', HF_FETCH_TIME: '', PORT: '  ', MAX_FILE_MB: ' ' });
      expect(c.digestMaxLatenessMs).toBe(6 * 3600_000);
      expect(c.fetchTimeoutMs).toBe(20_000);
      expect(c.hf.fetchTime).toBe('21:30');
      expect(c.maxFileBytes).toBe(50 * 1024 * 1024);
      expect(c.metricsPort).toBeUndefined();
    });

    it('Slack tokens must be the kind their variable names', () => {
      expect(problemsOf({ SLACK_BOT_TOKEN: 'xapp-1-abc', SLACK_APP_TOKEN: 'xapp-1' })[0]).toMatch(/^SLACK_BOT_TOKEN: expected a Slack bot token starting with xoxb-/);
      expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' })[0]).toMatch(/^SLACK_APP_TOKEN: expected a Slack app-level token starting with xapp-/);
      // The refusal never prints the token itself.
      expect(problemsOf({ SLACK_BOT_TOKEN: 'xapp-secret-value', SLACK_APP_TOKEN: 'xapp-1' }).join('\n')).not.toMatch(/secret-value/);
    });
  });
});

