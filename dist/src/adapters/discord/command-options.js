import { ApplicationCommandOptionType } from "discord.js";
function commandPathAndOptions(data) {
  const path = [];
  const options = {};
  let level = data;
  for (let depth = 0; depth < 3; depth++) {
    const sub = level.find(
      (o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup
    );
    if (!sub) break;
    path.push(sub.name);
    level = sub.options ?? [];
  }
  for (const o of level) {
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) continue;
    options[o.name] = o.attachment?.url ?? o.value;
  }
  return { path, options };
}
export {
  commandPathAndOptions
};
//# sourceMappingURL=command-options.js.map
