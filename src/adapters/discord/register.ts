import { pathToFileURL } from 'node:url';
import { discordCommandJson, discordLimitProblems } from '../../../commands/discord-json.js';
import { ConfigError, loadConfig } from '../../config.js';
import { registerCommands } from './register-commands.js';

/**
 * `npm run discord:register`: registers `/papers` (subcommands and typed options generated from the
 * command declarations) with one bulk overwrite — guild-scoped when DISCORD_GUILD_ID is set (appears
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
  const command = discordCommandJson();
  const problems = discordLimitProblems(command);
  if (problems.length) {
    write(`the generated /${command.name} command breaks Discord's limits:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    return 1;
  }
  // --clear: overwrite with nothing, e.g. the guild registration after moving to a global one.
  const clear = args.includes('--clear');
  try {
    const stored = await registerCommands(config.discord, clear ? [] : [command]);
    if (clear) {
      write(`removed every command of the application ${config.discord.guildId ? `in guild ${config.discord.guildId}` : 'registered globally'}`);
      return 0;
    }
    const subs = command.options.length;
    const where = config.discord.guildId ? `in guild ${config.discord.guildId} (available now)` : 'globally (may take up to an hour to show in every server)';
    write(`registered ${stored.map((c) => `/${c.name}`).join(', ')} with ${subs} subcommands/groups ${where}`);
    return 0;
  } catch (err) {
    write(`registration failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The CLI's own output, not logging.
  runRegister(process.env, (line) => console.log(line), process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
