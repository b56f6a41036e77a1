import { pathToFileURL } from 'node:url';
import { discordCommandsJson, discordLimitProblems, type DiscordCommand } from '../../../commands/discord-json.js';
import { ConfigError, loadConfig, loadEnvironment } from '../../config.js';
import { inviteUrl } from './invite.js';
import { registerCommands } from './register-commands.js';

/**
 * `npm run discord:register`: registers `/papers` and `/papers-admin` (subcommands and typed options
 * generated from the command declarations; the admin one hidden by default from members without
 * Manage Server) with one bulk overwrite — guild-scoped when DISCORD_GUILD_ID is set (appears
 * at once), global otherwise (every server; Discord may take a while to show it). Never run at
 * start-up: registration is rate limited and only needed when the commands change.
 * `--clear` removes the commands of that scope instead. Returns the exit code; `write` gets the lines to print.
 */
export async function runRegister(env: Record<string, string | undefined>, write: (line: string) => void, args: string[] = []): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    write(err instanceof ConfigError ? err.message : String(err));
    return 2;
  }
  if (!config.discord?.token || !config.discord.appId) {
    write('discord:register needs DISCORD_TOKEN and DISCORD_APP_ID (and DISCORD_GUILD_ID for a guild-scoped registration).');
    return 2;
  }
  const commands = discordCommandsJson();
  let broken = false;
  for (const command of commands) {
    const problems = discordLimitProblems(command);
    if (!problems.length) continue;
    write(`the generated /${command.name} command breaks Discord's limits:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    broken = true;
  }
  if (broken) return 1;
  // --clear: overwrite with nothing, e.g. the guild registration after moving to a global one.
  const clear = args.includes('--clear');
  try {
    await registerCommands(config.discord, clear ? [] : commands);
    if (clear) {
      write(`removed every command of the application ${config.discord.guildId ? `in guild ${config.discord.guildId}` : 'registered globally'}`);
      return 0;
    }
    const where = config.discord.guildId ? `in guild ${config.discord.guildId} (available now)` : 'globally (may take up to an hour to show in every server)';
    write(`registered ${commands.map(summary).join(', ')} ${where}`);
    write(`invite the bot to a server (Send Messages in Threads included): ${inviteUrl(config.discord.appId)}`);
    return 0;
  } catch (err) {
    write(`registration failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

/** `/papers (9 subcommands/groups)`, with the permissions a member needs to see it where there are any. */
function summary(c: DiscordCommand): string {
  const perms = c.default_member_permissions === undefined ? '' : `, default_member_permissions ${c.default_member_permissions}`;
  return `/${c.name} (${c.options.length} subcommands/groups${perms})`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The CLI's own output, not logging.
  // .env is read here as in `npm start`; a malformed one is reported like any configuration problem.
  let env: Record<string, string | undefined> = process.env;
  try {
    env = loadEnvironment(process.env).env;
  } catch (err) {
    console.log(err instanceof Error ? err.message : String(err));
    process.exit(2);
  }
  runRegister(env, (line) => console.log(line), process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
