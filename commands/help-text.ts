import { argInfos } from './arg-info.js';
import { retarget, typedName, type Platform } from './roots.js';
import type { AnyCommand } from './types.js';

/**
 * `/papers search <topic> [--since YYYY-MM-DD] … [--has-code]`: generated unless the declaration
 * gives one, with the top-level command people type on `platform` (omitted: Slack's and the terminal's).
 */
export function usageLine(c: AnyCommand, platform?: Platform): string {
  if (c.usage) return retarget(c.usage, c, platform);
  const infos = argInfos(c.args);
  const positional = typeof c.positional === 'function' ? [] : (c.positional ?? []);
  const parts = [typedName(c, platform)];
  for (const field of positional) {
    const a = infos.find((i) => i.field === field)!;
    parts.push(a.required ? `<${a.option}>` : `[${a.option}]`);
  }
  for (const a of infos) {
    if (positional.includes(a.field)) continue;
    const flag = a.kind === 'boolean' ? `--${a.option}` : `--${a.option} ${a.placeholder}`;
    parts.push(a.required ? flag : `[${flag}]`);
  }
  return parts.join(' ');
}

/** One command's help: usage, description, each argument, examples, who may run it. */
export function commandHelp(c: AnyCommand, platform?: Platform): string {
  const lines = [usageLine(c, platform), `  ${c.description}${c.admin ? ' (admins only)' : ''}`];
  for (const a of argInfos(c.args)) {
    const extra = a.choices ? ` (${a.choices.join(', ')})` : '';
    lines.push(`    ${a.option.padEnd(12)} ${a.description}${extra}`);
  }
  for (const e of c.examples ?? []) lines.push(`  e.g. ${retarget(e, c, platform)}`);
  return lines.join('\n');
}

/** The overview `help` prints: one usage line and description per command. */
export function overallHelp(commands: readonly AnyCommand[], platform?: Platform): string {
  const lines = ['Commands (type /papers help <command> for details):'];
  for (const c of commands) lines.push(`${usageLine(c, platform)}\n    ${c.description}${c.admin ? ' (admins only)' : ''}`);
  lines.push('React 🔖 to any paper the bot posted to bookmark it.');
  return lines.join('\n');
}
