import { argInfos, type ArgInfo } from './arg-info.js';
import { commands as allCommands, groups as allGroups } from './registry.js';
import { ADMIN_ROOT, ROOTS, rootOf } from './roots.js';
import type { AnyCommand } from './types.js';

/** Discord application command option types (API v10). */
export const OptionType = { SubCommand: 1, SubCommandGroup: 2, String: 3, Integer: 4, Boolean: 5, Number: 10 } as const;

/** The subset of Discord's option JSON we generate (no discord.js import in commands/). */
export interface DiscordOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: Array<{ name: string; value: string }>;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  options?: DiscordOption[];
}

export interface DiscordCommand {
  type: 1;
  name: string;
  description: string;
  /** Guild only: bookmarks and digests belong to a server. */
  contexts: number[];
  /** Permission bits (a decimal string) a member needs to see the command, unless a server admin overrides it. */
  default_member_permissions?: string;
  options: DiscordOption[];
}

// Discord caps string options at 6,000 characters.
const MAX_STRING = 6000;

// Manage Server (ManageGuild = 1 << 5), as the decimal string Discord's API takes.
const MANAGE_GUILD = String(1 << 5);

function option(a: ArgInfo): DiscordOption {
  const o: DiscordOption = { type: OptionType.String, name: a.option, description: a.description };
  if (a.required) o.required = true;
  switch (a.kind) {
    case 'boolean':
      o.type = OptionType.Boolean;
      break;
    case 'integer':
    case 'number':
      o.type = a.kind === 'integer' ? OptionType.Integer : OptionType.Number;
      if (a.min !== undefined) o.min_value = a.min;
      if (a.max !== undefined) o.max_value = a.max;
      break;
    case 'choice':
      o.choices = a.choices!.map((c) => ({ name: c, value: c }));
      break;
    case 'string':
      if (a.minLength !== undefined && a.minLength > 0) o.min_length = a.minLength;
      o.max_length = Math.min(a.maxLength ?? MAX_STRING, MAX_STRING);
      break;
  }
  return o;
}

function subcommand(c: AnyCommand): DiscordOption {
  // Discord rejects a required option after an optional one.
  const opts = argInfos(c.args).map(option);
  const sorted = [...opts.filter((o) => o.required), ...opts.filter((o) => !o.required)];
  return { type: OptionType.SubCommand, name: c.name, description: c.description, ...(sorted.length ? { options: sorted } : {}) };
}

/**
 * The chat-input commands `discord:register` registers, each with a subcommand per declaration and
 * groups for grouped ones: `/papers` with what anyone may run, `/papers-admin` with the admin ones.
 * Discord sets `default_member_permissions` per top-level command, hence the split: `/papers-admin`
 * is hidden from members without Manage Server. Server admins can change that under Integrations,
 * so adapters still check Caller.isAdmin at run time. A top-level command with nothing in it is left out.
 */
export function discordCommandsJson(list: readonly AnyCommand[] = allCommands, groups: Readonly<Record<string, string>> = allGroups): DiscordCommand[] {
  return ROOTS.map((root) => {
    const own = list.filter((c) => rootOf(c, 'discord') === root.name);
    const permissions = root === ADMIN_ROOT ? { default_member_permissions: MANAGE_GUILD } : {};
    return { type: 1 as const, name: root.name, description: root.description, contexts: [0], ...permissions, options: optionsOf(own, groups) };
  }).filter((cmd) => cmd.options.length);
}

/** A subcommand per declaration, in order; grouped ones under their group's option. */
function optionsOf(list: readonly AnyCommand[], groups: Readonly<Record<string, string>>): DiscordOption[] {
  const options: DiscordOption[] = [];
  for (const c of list) {
    if (!c.group) {
      options.push(subcommand(c));
      continue;
    }
    let g = options.find((o) => o.type === OptionType.SubCommandGroup && o.name === c.group);
    if (!g) {
      g = { type: OptionType.SubCommandGroup, name: c.group, description: groups[c.group] ?? c.group, options: [] };
      options.push(g);
    }
    g.options!.push(subcommand(c));
  }
  return options;
}

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

/** Every way the JSON breaks Discord's limits (names, descriptions, counts, choice lengths); [] when fine. */
export function discordLimitProblems(cmd: DiscordCommand): string[] {
  const problems: string[] = [];
  const check = (o: { name: string; description: string; options?: DiscordOption[]; choices?: DiscordOption['choices'] }, where: string) => {
    if (!NAME.test(o.name)) problems.push(`${where}: name '${o.name}' must be 1-32 lowercase letters, digits, - or _`);
    if (o.description.length < 1 || o.description.length > 100) problems.push(`${where}: description is ${o.description.length} chars (1-100)`);
    if ((o.options?.length ?? 0) > 25) problems.push(`${where}: ${o.options!.length} options (max 25)`);
    if ((o.choices?.length ?? 0) > 25) problems.push(`${where}: ${o.choices!.length} choices (max 25)`);
    for (const ch of o.choices ?? []) if (ch.name.length > 100 || ch.value.length > 100) problems.push(`${where}: choice '${ch.name}' too long`);
    const names = (o.options ?? []).map((x) => x.name);
    if (new Set(names).size !== names.length) problems.push(`${where}: duplicate option names`);
    let optionalSeen = false;
    for (const x of o.options ?? []) {
      if (x.type > 2 && !x.required) optionalSeen = true;
      else if (x.type > 2 && optionalSeen) problems.push(`${where}: required option ${x.name} after an optional one`);
      check(x, `${where} ${x.name}`);
    }
  };
  check(cmd, cmd.name);
  const chars = countChars(cmd);
  if (chars > 4000) problems.push(`names, descriptions and choices total ${chars} chars (max 4,000)`);
  return problems;
}

// Discord limits the combined length of names, descriptions and choices of one command.
function countChars(o: { name: string; description: string; options?: DiscordOption[]; choices?: DiscordOption['choices'] }): number {
  const own = o.name.length + o.description.length + (o.choices ?? []).reduce((n, c) => n + c.name.length + c.value.length, 0);
  return own + (o.options ?? []).reduce((n, x) => n + countChars(x), 0);
}
