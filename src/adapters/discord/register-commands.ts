import { REST, Routes } from 'discord.js';
import { bareToken } from './token.js';

export interface RegisterTarget {
  /** Used as given, except a leading "Bot " which discord.js would strip at login too. */
  token: string;
  appId: string;
  /** Guild-scoped (instant, for one server) when set; global (every server, can take a while) otherwise. */
  guildId?: string;
  /** REST base without /v10 (a proxy or a test server). */
  apiUrl?: string;
}

/**
 * Bulk-overwrites the application's commands with `commands` (PUT: commands not listed are deleted,
 * so re-running it is safe and leaves exactly this set). Returns what Discord stored.
 */
export async function registerCommands(target: RegisterTarget, commands: unknown[]): Promise<Array<{ id: string; name: string }>> {
  const rest = new REST({ ...(target.apiUrl ? { api: target.apiUrl.replace(/\/+$/, '') } : {}) }).setToken(bareToken(target.token));
  const route = target.guildId ? Routes.applicationGuildCommands(target.appId, target.guildId) : Routes.applicationCommands(target.appId);
  return (await rest.put(route, { body: commands })) as Array<{ id: string; name: string }>;
}
