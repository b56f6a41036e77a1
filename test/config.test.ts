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

  it('chooses Slack HTTP or Socket Mode settings and parses lists', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_ADMIN_USERS: 'U1, U2,', ARXIV_CATEGORIES: 'cs.LG,cs.CL' });
    expect(c.slack).toMatchObject({ botToken: 'xoxb-1', appToken: 'xapp-1', adminUsers: ['U1', 'U2'] });
    expect(c.arxiv.categories).toEqual(['cs.LG', 'cs.CL']);
  });
});
