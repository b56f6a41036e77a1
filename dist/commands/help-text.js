import { argInfos } from "./arg-info.js";
import { retarget, typedName } from "./roots.js";
function usageLine(c, platform) {
  if (c.usage) return retarget(c.usage, c, platform);
  const infos = argInfos(c.args);
  const positional = typeof c.positional === "function" ? [] : c.positional ?? [];
  const parts = [typedName(c, platform)];
  for (const field of positional) {
    const a = infos.find((i) => i.field === field);
    parts.push(a.required ? `<${a.option}>` : `[${a.option}]`);
  }
  for (const a of infos) {
    if (positional.includes(a.field)) continue;
    const flag = a.kind === "boolean" ? `--${a.option}` : `--${a.option} ${a.placeholder}`;
    parts.push(a.required ? flag : `[${flag}]`);
  }
  return parts.join(" ");
}
function commandHelp(c, platform) {
  const lines = [usageLine(c, platform), `  ${c.description}${c.admin ? " (admins only)" : ""}`];
  for (const a of argInfos(c.args)) {
    const extra = a.choices ? ` (${a.choices.join(", ")})` : "";
    lines.push(`    ${a.option.padEnd(12)} ${a.description}${extra}`);
  }
  for (const e of c.examples ?? []) lines.push(`  e.g. ${retarget(e, c, platform)}`);
  return lines.join("\n");
}
function overallHelp(commands, platform) {
  const lines = ["Commands (type /papers help <command> for details):"];
  for (const c of commands) lines.push(`${usageLine(c, platform)}
    ${c.description}${c.admin ? " (admins only)" : ""}`);
  lines.push("React \u{1F516} to any paper the bot posted to bookmark it.");
  return lines.join("\n");
}
export {
  commandHelp,
  overallHelp,
  usageLine
};
//# sourceMappingURL=help-text.js.map
