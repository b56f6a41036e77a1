import { argInfos } from "./arg-info.js";
import { commands as allCommands, groups as allGroups } from "./registry.js";
import { ADMIN_ROOT, ROOTS, rootOf } from "./roots.js";
const OptionType = { SubCommand: 1, SubCommandGroup: 2, String: 3, Integer: 4, Boolean: 5, Number: 10 };
const MAX_STRING = 6e3;
const MANAGE_GUILD = String(1 << 5);
function option(a) {
  const o = { type: OptionType.String, name: a.option, description: a.description };
  if (a.required) o.required = true;
  switch (a.kind) {
    case "boolean":
      o.type = OptionType.Boolean;
      break;
    case "integer":
    case "number":
      o.type = a.kind === "integer" ? OptionType.Integer : OptionType.Number;
      if (a.min !== void 0) o.min_value = a.min;
      if (a.max !== void 0) o.max_value = a.max;
      break;
    case "choice":
      o.choices = a.choices.map((c) => ({ name: c, value: c }));
      break;
    case "string":
      if (a.minLength !== void 0 && a.minLength > 0) o.min_length = a.minLength;
      o.max_length = Math.min(a.maxLength ?? MAX_STRING, MAX_STRING);
      break;
  }
  return o;
}
function subcommand(c) {
  const opts = argInfos(c.args).map(option);
  const sorted = [...opts.filter((o) => o.required), ...opts.filter((o) => !o.required)];
  return { type: OptionType.SubCommand, name: c.name, description: c.description, ...sorted.length ? { options: sorted } : {} };
}
function discordCommandsJson(list = allCommands, groups = allGroups) {
  return ROOTS.map((root) => {
    const own = list.filter((c) => rootOf(c, "discord") === root.name);
    const permissions = root === ADMIN_ROOT ? { default_member_permissions: MANAGE_GUILD } : {};
    return { type: 1, name: root.name, description: root.description, contexts: [0], ...permissions, options: optionsOf(own, groups) };
  }).filter((cmd) => cmd.options.length);
}
function optionsOf(list, groups) {
  const options = [];
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
    g.options.push(subcommand(c));
  }
  return options;
}
const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
function discordLimitProblems(cmd) {
  const problems = [];
  const check = (o, where) => {
    if (!NAME.test(o.name)) problems.push(`${where}: name '${o.name}' must be 1-32 lowercase letters, digits, - or _`);
    if (o.description.length < 1 || o.description.length > 100) problems.push(`${where}: description is ${o.description.length} chars (1-100)`);
    if ((o.options?.length ?? 0) > 25) problems.push(`${where}: ${o.options.length} options (max 25)`);
    if ((o.choices?.length ?? 0) > 25) problems.push(`${where}: ${o.choices.length} choices (max 25)`);
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
  if (chars > 4e3) problems.push(`names, descriptions and choices total ${chars} chars (max 4,000)`);
  return problems;
}
function countChars(o) {
  const own = o.name.length + o.description.length + (o.choices ?? []).reduce((n, c) => n + c.name.length + c.value.length, 0);
  return own + (o.options ?? []).reduce((n, x) => n + countChars(x), 0);
}
export {
  OptionType,
  discordCommandsJson,
  discordLimitProblems
};
//# sourceMappingURL=discord-json.js.map
