import { ApplicationCommandOptionType, type CommandInteractionOption } from 'discord.js';

/**
 * A chat-input interaction's option tree → the subcommand path and its typed options, as
 * ChatCore.handleCommand takes them: `/papers bookmarks export format:bibtex` →
 * (['bookmarks', 'export'], { format: 'bibtex' }). Option names stay as registered (kebab-case);
 * values keep Discord's types (string, integer, number, boolean). Nothing is validated here: the
 * command layer's zod schemas do that and answer with the usage line.
 */
export function commandPathAndOptions(data: readonly CommandInteractionOption[]): { path: string[]; options: Record<string, unknown> } {
  const path: string[] = [];
  const options: Record<string, unknown> = {};
  let level: readonly CommandInteractionOption[] = data;
  // At most two levels (group, subcommand) precede the values; a loop guards against odd payloads.
  for (let depth = 0; depth < 3; depth++) {
    const sub = level.find(
      (o) => o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (!sub) break;
    path.push(sub.name);
    level = sub.options ?? [];
  }
  for (const o of level) {
    if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) continue;
    // Users, channels, roles and attachments arrive as ids; we declare none of them today.
    options[o.name] = o.attachment?.url ?? o.value;
  }
  return { path, options };
}
