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
    const discord = { DISCORD_TOKEN: 't', DISCORD_APP_ID: 'a' };

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
});
