import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { commands } from "../../../commands/registry.js";
import { ROOT } from "../../../commands/roots.js";
import { commandPath } from "../../../commands/types.js";
import { SLASH_COMMAND } from "./slack-adapter.js";
const BOT_SCOPES = ["commands", "chat:write", "reactions:read", "users:read", "im:write", "files:write"];
const BOT_EVENTS = ["reaction_added", "reaction_removed"];
function usageHint() {
  const names = [...new Set(commands.map((c) => commandPath(c)[0]))];
  return names.join(" | ");
}
function buildSlackManifest(opts = {}) {
  const socket = opts.socketMode ?? false;
  const eventsUrl = socket ? void 0 : `${(opts.baseUrl ?? "https://YOUR-HOST.example.com").replace(/\/$/, "")}/slack/events`;
  const withUrl = (o, key) => eventsUrl ? { ...o, [key]: eventsUrl } : o;
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: opts.name ?? "Papers",
      description: ROOT.description,
      long_description: "Papers keeps the research papers your team follows (Hugging Face Daily Papers, arXiv) in one place: /papers search finds them, each subscribed channel gets its daily highlights at its own time, and reacting \u{1F516} to a paper bookmarks it for you. Export your bookmarks as BibTeX, Markdown or CSV.",
      background_color: "#1d3557"
    },
    features: {
      bot_user: { display_name: "papers", always_online: true },
      slash_commands: [
        withUrl({ command: SLASH_COMMAND, description: ROOT.description, usage_hint: usageHint(), should_escape: false }, "url")
      ]
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: withUrl({ bot_events: [...BOT_EVENTS] }, "request_url"),
      interactivity: withUrl({ is_enabled: true }, "request_url"),
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false
    }
  };
}
function toYaml(value, indent = "") {
  if (Array.isArray(value)) {
    return value.map((v) => {
      if (v && typeof v === "object") {
        const body = toYaml(v, `${indent}  `).trimStart();
        return `${indent}- ${body}`;
      }
      return `${indent}- ${scalar(v)}`;
    }).join("\n");
  }
  if (value && typeof value === "object") {
    return Object.entries(value).map(([k, v]) => {
      if (v && typeof v === "object" && (Array.isArray(v) ? v.length : Object.keys(v).length)) return `${indent}${k}:
${toYaml(v, `${indent}  `)}`;
      return `${indent}${k}: ${Array.isArray(v) ? "[]" : v && typeof v === "object" ? "{}" : scalar(v)}`;
    }).join("\n");
  }
  return `${indent}${scalar(value)}`;
}
function scalar(v) {
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}
function parseManifestArgs(argv) {
  const socketMode = argv.includes("--socket");
  const urlAt = argv.indexOf("--url");
  if (urlAt < 0) return { socketMode };
  const raw = argv[urlAt + 1];
  if (!raw || raw.startsWith("--")) return "--url needs your public base URL, e.g. --url https://papers.example.org";
  let url;
  try {
    url = new URL(raw);
  } catch {
    return `--url ${raw} is not a URL; give your public base URL, e.g. https://papers.example.org`;
  }
  if (url.protocol !== "https:") return `--url ${raw}: Slack only calls https:// URLs; put the bot behind a TLS reverse proxy and give its https:// address`;
  return { socketMode, baseUrl: raw };
}
function main(argv) {
  const opts = parseManifestArgs(argv);
  if (typeof opts === "string") {
    process.stderr.write(`slack:manifest: ${opts}
`);
    process.exitCode = 2;
    return;
  }
  const manifest = buildSlackManifest(opts);
  const json = resolve("slack-manifest.json");
  const yaml = resolve("slack-manifest.yaml");
  writeFileSync(json, `${JSON.stringify(manifest, null, 2)}
`);
  writeFileSync(yaml, `${toYaml(manifest)}
`);
  process.stdout.write(`wrote ${json} and ${yaml} (${opts.socketMode ? "Socket Mode" : `HTTP mode, events at ${opts.baseUrl ?? "https://YOUR-HOST.example.com"}/slack/events`})
`);
}
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main(process.argv.slice(2));
export {
  BOT_EVENTS,
  BOT_SCOPES,
  buildSlackManifest,
  parseManifestArgs,
  toYaml,
  usageHint
};
//# sourceMappingURL=manifest.js.map
