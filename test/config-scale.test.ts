import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

const discord = { DISCORD_TOKEN: 't', DISCORD_APP_ID: '123456789012345678' };
const oauth = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'shh', SLACK_STATE_SECRET: 'a-state-secret-of-16+', SLACK_SIGNING_SECRET: 'sig' };

describe('config: Discord shards', () => {
  it('defaults to auto (one process, Discord picks the count), as before', () => {
    expect(loadConfig(discord).discord).toMatchObject({ shards: 'auto' });
    expect(loadConfig({ ...discord, DISCORD_SHARD_IDS: 'auto' }).discord?.shardCount).toBeUndefined();
  });

  it('a count alone runs all of them here; ids and ranges pick a subset, spaces allowed', () => {
    expect(loadConfig({ ...discord, DISCORD_SHARD_COUNT: '3' }).discord).toMatchObject({ shards: [0, 1, 2], shardCount: 3 });
    expect(loadConfig({ ...discord, DISCORD_SHARD_IDS: '1', DISCORD_SHARD_COUNT: '2' }).discord).toMatchObject({ shards: [1], shardCount: 2 });
    expect(loadConfig({ ...discord, DISCORD_SHARD_IDS: '6, 0-2,2', DISCORD_SHARD_COUNT: '8' }).discord).toMatchObject({ shards: [0, 1, 2, 6], shardCount: 8 });
  });

  it('refuses ids without a count, ids past the count, reversed ranges and junk, naming the variable', () => {
    expect(problemsOf({ ...discord, DISCORD_SHARD_IDS: '0,1' })).toEqual([expect.stringMatching(/DISCORD_SHARD_IDS .*DISCORD_SHARD_COUNT/)]);
    expect(problemsOf({ ...discord, DISCORD_SHARD_IDS: '2', DISCORD_SHARD_COUNT: '2' })).toEqual([expect.stringMatching(/DISCORD_SHARD_IDS: 2 is not within 0-1/)]);
    expect(problemsOf({ ...discord, DISCORD_SHARD_IDS: '0-999999', DISCORD_SHARD_COUNT: '4' })).toEqual([expect.stringMatching(/0-999999 is not within 0-3/)]);
    expect(problemsOf({ ...discord, DISCORD_SHARD_IDS: '3-1', DISCORD_SHARD_COUNT: '4' })).toHaveLength(1);
    expect(problemsOf({ ...discord, DISCORD_SHARD_IDS: 'half', DISCORD_SHARD_COUNT: '4' })[0]).toMatch(/^DISCORD_SHARD_IDS: expected auto/);
    expect(problemsOf({ ...discord, DISCORD_SHARD_COUNT: '0' })[0]).toMatch(/^DISCORD_SHARD_COUNT/);
  });
});

describe('config: Slack OAuth installs', () => {
  it('client id, secret and state secret start Slack in OAuth mode without a bot token, default paths', () => {
    const c = loadConfig(oauth);
    expect(c.slack?.botToken).toBeUndefined();
    expect(c.slack?.oauth).toEqual({ clientId: '123.456', clientSecret: 'shh', stateSecret: 'a-state-secret-of-16+', installPath: '/slack/install', redirectPath: '/slack/oauth_redirect' });
    expect(c.hf.enabled).toBe(true);
    expect(loadConfig({ ...oauth, SLACK_INSTALL_PATH: '/add', SLACK_REDIRECT_PATH: '/added' }).slack?.oauth).toMatchObject({ installPath: '/add', redirectPath: '/added' });
  });

  it('single-workspace token mode is unchanged', () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'sig' });
    expect(c.slack).toMatchObject({ botToken: 'xoxb-1', signingSecret: 'sig' });
    expect(c.slack?.oauth).toBeUndefined();
  });

  it('refuses half an OAuth setup, both modes at once, Socket Mode, no signing secret and a short state secret', () => {
    expect(problemsOf({ SLACK_CLIENT_ID: '1' })).toEqual([expect.stringMatching(/missing SLACK_CLIENT_SECRET, SLACK_STATE_SECRET$/)]);
    expect(problemsOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([expect.stringMatching(/SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set/)]);
    expect(problemsOf({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' })).toEqual([expect.stringMatching(/unset SLACK_APP_TOKEN/)]);
    expect(problemsOf({ ...oauth, SLACK_SIGNING_SECRET: '' })).toEqual([expect.stringMatching(/SLACK_SIGNING_SECRET is not/)]);
    expect(problemsOf({ ...oauth, SLACK_STATE_SECRET: 'short' })[0]).toMatch(/^SLACK_STATE_SECRET: use at least 16/);
    expect(problemsOf({ ...oauth, SLACK_INSTALL_PATH: 'no-slash' })[0]).toMatch(/^SLACK_INSTALL_PATH/);
    expect(problemsOf({ ...oauth, SLACK_INSTALL_PATH: '/same', SLACK_REDIRECT_PATH: '/same' })).toEqual([expect.stringMatching(/must differ/)]);
  });
});
