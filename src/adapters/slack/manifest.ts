import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commands } from '../../../commands/registry.js';
import { ROOT } from '../../../commands/roots.js';
import { commandPath } from '../../../commands/types.js';
import { HISTORY_SCOPES } from './posted-marker.js';
import { SLASH_COMMAND } from './slack-adapter.js';

/**
 * The Slack app manifest, generated from the command declarations so `/papers`'s description and
 * usage hint never drift from what the bot parses. `npm run slack:manifest -- [--url https://host]
 * [--socket]` writes slack-manifest.json and slack-manifest.yaml in the current directory; paste
 * either at https://api.slack.com/apps → Create New App → From an app manifest.
 */

export interface ManifestOptions {
  /** Public base URL of the bot in HTTP mode (Bolt serves /slack/events under it). */
  baseUrl?: string;
  /** Socket Mode: no public URL needed. */
  socketMode?: boolean;
  name?: string;
  /** OAuth installs for many workspaces: the Redirect URL and the uninstall event go in too. */
  oauth?: boolean;
}

/**
 * Scopes: commands (slash command), chat:write (replies, digests, Share), reactions:read (🔖),
 * users:read (admin check), im:write + files:write (large exports go to the user's DM),
 * channels:history + groups:history (before re-sending a digest post after a crash, the bot looks for
 * it in the channel: Slack has no idempotent post; see posted-marker.ts).
 * The Home tab needs no scope: app_home_opened is a bot event and views.publish a bot-token call.
 * No chat:write.public on purpose: reaction events only arrive from channels the bot is a member
 * of, so a digest channel must invite the bot anyway, and posting without membership would make
 * 🔖 silently do nothing.
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'reactions:read', 'users:read', 'im:write', 'files:write', ...HISTORY_SCOPES] as const;
export const BOT_EVENTS = ['reaction_added', 'reaction_removed', 'app_home_opened'] as const;

export function usageHint(): string {
  const names = [...new Set(commands.map((c) => commandPath(c)[0]))];
  return names.join(' | ');
}

export function buildSlackManifest(opts: ManifestOptions = {}): Record<string, unknown> {
  const socket = opts.socketMode ?? false;
  const eventsUrl = socket ? undefined : `${(opts.baseUrl ?? 'https://YOUR-HOST.example.com').replace(/\/$/, '')}/slack/events`;
  const withUrl = (o: Record<string, unknown>, key: string) => (eventsUrl ? { ...o, [key]: eventsUrl } : o);
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: opts.name ?? 'Papers',
      description: ROOT.description,
      long_description:
        'Papers keeps the research papers your team follows (Hugging Face Daily Papers, arXiv) in one place: /papers search finds them, each subscribed channel gets its daily highlights at its own time, and reacting 🔖 to a paper bookmarks it for you. Tag and annotate your bookmarks, mark them read with ✅, see your reading list on the Home tab, and export it for Zotero (RIS, CSL-JSON, BibTeX) or as Markdown or CSV.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: 'papers', always_online: true },
      // The Home tab shows each person's reading list (unread bookmarks first, tags, notes).
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      slash_commands: [
        withUrl({ command: SLASH_COMMAND, description: ROOT.description, usage_hint: usageHint(), should_escape: false }, 'url'),
      ],
    },
    oauth_config: {
      ...(opts.oauth && eventsUrl ? { redirect_urls: [eventsUrl.replace(/\/slack\/events$/, '/slack/oauth_redirect')] } : {}),
      scopes: { bot: [...BOT_SCOPES] },
    },
    settings: {
      // app_uninstalled needs no scope: it lets the bot forget a workspace's token when it leaves.
      event_subscriptions: withUrl({ bot_events: [...BOT_EVENTS, ...(opts.oauth ? ['app_uninstalled'] : [])] }, 'request_url'),
      interactivity: withUrl({ is_enabled: true }, 'request_url'),
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false,
    },
  };
}

/** Minimal YAML for plain JSON data: strings are JSON-quoted, which YAML reads as-is. */
export function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    return value
      .map((v) => {
        if (v && typeof v === 'object') {
          const body = toYaml(v, `${indent}  `).trimStart();
          return `${indent}- ${body}`;
        }
        return `${indent}- ${scalar(v)}`;
      })
      .join('\n');
  }
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => {
        if (v && typeof v === 'object' && (Array.isArray(v) ? v.length : Object.keys(v).length)) return `${indent}${k}:\n${toYaml(v, `${indent}  `)}`;
        return `${indent}${k}: ${Array.isArray(v) ? '[]' : v && typeof v === 'object' ? '{}' : scalar(v)}`;
      })
      .join('\n');
  }
  return `${indent}${scalar(value)}`;
}

function scalar(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/**
 * `--url https://host [--socket]` → options, or one line saying what is wrong: Slack only ever
 * calls https:// request URLs, so an http:// one would make an app that never receives an event.
 */
export function parseManifestArgs(argv: string[]): ManifestOptions | string {
  const socketMode = argv.includes('--socket');
  const urlAt = argv.indexOf('--url');
  const oauth = argv.includes('--oauth');
  if (urlAt < 0) return { socketMode, oauth };
  const raw = argv[urlAt + 1];
  if (!raw || raw.startsWith('--')) return '--url needs your public base URL, e.g. --url https://papers.example.org';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `--url ${raw} is not a URL; give your public base URL, e.g. https://papers.example.org`;
  }
  if (url.protocol !== 'https:') return `--url ${raw}: Slack only calls https:// URLs; put the bot behind a TLS reverse proxy and give its https:// address`;
  return { socketMode, baseUrl: raw, oauth };
}

function main(argv: string[]): void {
  const opts = parseManifestArgs(argv);
  if (typeof opts === 'string') {
    process.stderr.write(`slack:manifest: ${opts}\n`);
    process.exitCode = 2;
    return;
  }
  const manifest = buildSlackManifest(opts);
  const json = resolve('slack-manifest.json');
  const yaml = resolve('slack-manifest.yaml');
  writeFileSync(json, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(yaml, `${toYaml(manifest)}\n`);
  process.stdout.write(`wrote ${json} and ${yaml} (${opts.socketMode ? 'Socket Mode' : `HTTP mode, events at ${(opts.baseUrl ?? 'https://YOUR-HOST.example.com')}/slack/events`})\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
