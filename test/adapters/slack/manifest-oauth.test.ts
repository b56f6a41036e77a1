import { describe, expect, it } from 'vitest';
import { buildSlackManifest } from '../../../src/adapters/slack/manifest.js';

type Manifest = { oauth_config: { redirect_urls?: string[] }; settings: { event_subscriptions: { bot_events: string[] } } };

describe('slack manifest for OAuth installs', () => {
  it('--oauth adds the Redirect URL beside the events URL and the app_uninstalled event', () => {
    const m = buildSlackManifest({ baseUrl: 'https://bot.example.org/', oauth: true }) as Manifest;
    expect(m.oauth_config.redirect_urls).toEqual(['https://bot.example.org/slack/oauth_redirect']);
    expect(m.settings.event_subscriptions.bot_events).toEqual(['reaction_added', 'reaction_removed', 'app_home_opened', 'app_uninstalled']);
  });

  it('without it, the single-workspace manifest is unchanged', () => {
    const m = buildSlackManifest({ baseUrl: 'https://bot.example.org/' }) as Manifest;
    expect(m.oauth_config.redirect_urls).toBeUndefined();
    expect(m.settings.event_subscriptions.bot_events).not.toContain('app_uninstalled');
  });
});
