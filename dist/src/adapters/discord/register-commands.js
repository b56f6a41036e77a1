import { REST, Routes } from "discord.js";
import { bareToken } from "./token.js";
async function registerCommands(target, commands) {
  const rest = new REST({ ...target.apiUrl ? { api: target.apiUrl.replace(/\/+$/, "") } : {} }).setToken(bareToken(target.token));
  const route = target.guildId ? Routes.applicationGuildCommands(target.appId, target.guildId) : Routes.applicationCommands(target.appId);
  return await rest.put(route, { body: commands });
}
export {
  registerCommands
};
//# sourceMappingURL=register-commands.js.map
