import { describe, expect, it } from 'vitest';
import { buildSlackManifest, toYaml } from '../../../src/adapters/slack/manifest.js';

describe('slack manifest', () => {
  it('declares /papers from the command declarations, the scopes and events the adapter uses', () => {
    const m = buildSlackManifest({ baseUrl: 'https://bot.example.org/' }) as {
      features: { slash_commands: Array<Record<string, unknown>> };
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { request_url?: string }; socket_mode_enabled: boolean };
    };
    const cmd = m.features.slash_commands[0];
    expect(cmd.command).toBe('/papers');
    expect(cmd.url).toBe('https://bot.example.org/slack/events');
    expect(String(cmd.usage_hint)).toMatch(/search .*bookmarks.*help/);
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['commands', 'chat:write', 'reactions:read', 'users:read', 'channels:history', 'groups:history']));
    expect(m.settings.event_subscriptions.bot_events).toEqual(['reaction_added', 'reaction_removed', 'app_home_opened']);
    expect(m.settings.interactivity.request_url).toBe('https://bot.example.org/slack/events');
    expect(m.settings.socket_mode_enabled).toBe(false);
  });

  it('has no URLs in Socket Mode, and its YAML carries every key', () => {
    const m = buildSlackManifest({ socketMode: true });
    const json = JSON.stringify(m);
    expect(json).not.toContain('request_url');
    expect(json).not.toContain('"url"');
    const yaml = toYaml(m);
    expect(yaml).toContain('socket_mode_enabled: true');
    expect(yaml).toContain('    - command: "/papers"');
    expect(yaml).toContain('      - "reaction_added"');
  });
});

describe('slack:manifest arguments', () => {
  it('refuses a request URL Slack would never call, with a clear message', async () => {
    const { parseManifestArgs } = await import('../../../src/adapters/slack/manifest.js');
    expect(parseManifestArgs(['--url', 'https://papers.example.org'])).toEqual({ socketMode: false, baseUrl: 'https://papers.example.org', oauth: false });
    expect(parseManifestArgs(['--socket'])).toEqual({ socketMode: true, oauth: false });
    expect(parseManifestArgs(['--url', 'https://papers.example.org', '--oauth'])).toEqual({ socketMode: false, baseUrl: 'https://papers.example.org', oauth: true });
    expect(parseManifestArgs(['--url', 'http://papers.example.org'])).toBe(
      '--url http://papers.example.org: Slack only calls https:// URLs; put the bot behind a TLS reverse proxy and give its https:// address',
    );
    expect(parseManifestArgs(['--url', 'papers.example.org'])).toMatch(/is not a URL/);
    expect(parseManifestArgs(['--url'])).toMatch(/--url needs your public base URL/);
    expect(parseManifestArgs(['--url', '--socket'])).toMatch(/--url needs your public base URL/);
  });
});
