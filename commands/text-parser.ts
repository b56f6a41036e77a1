import { UserError } from '../src/core/errors.js';
import { argInfos, type ArgInfo } from './arg-info.js';
import { overallUsage, suggest } from './suggest.js';
import { usageLine } from './help-text.js';
import { typedName } from './roots.js';
import { commands as allCommands } from './registry.js';
import { commandName, type AnyCommand } from './types.js';

// Chat clients turn "--" into dashes and quotes into curly ones; read them as typed.
const normalize = (s: string) => s.replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/(^|\s)[\u2013\u2014](?=\p{L})/gu, '$1--');

/** Splits on spaces; "double" or 'single' quotes keep spaces, \" inside double quotes is a quote. */
export function tokenize(text: string): string[] {
  const s = normalize(text);
  const tokens: string[] = [];
  let cur = '';
  let inToken = false;
  let quote: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      if (ch === '\\' && quote === '"' && s[i + 1] === '"') cur += s[++i];
      else if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === '"' || (ch === "'" && !inToken)) {
      quote = ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(cur);
      cur = '';
      inToken = false;
    } else {
      cur += ch;
      inToken = true;
    }
  }
  if (quote) throw new UserError(`A ${quote} quote is not closed.`);
  if (inToken) tokens.push(cur);
  return tokens;
}

/** Which command the words name; the rest of the words are its arguments. */
export function matchCommand(tokens: string[], list: readonly AnyCommand[]): { command: AnyCommand; rest: string[] } {
  const first = tokens[0]?.toLowerCase() ?? '';
  const groupCmds = list.filter((c) => c.group === first);
  if (groupCmds.length) {
    const second = tokens[1]?.toLowerCase();
    const c = groupCmds.find((g) => g.name === second);
    if (!c) {
      const what = second ? `Unknown ${first} subcommand '${tokens[1]}'` : `${first} needs a subcommand`;
      throw new UserError(`${what}: ${groupCmds.map((g) => g.name).join(' or ')}.`, groupCmds.map((g) => usageLine(g)).join('\n'));
    }
    return { command: c, rest: tokens.slice(2) };
  }
  const c = list.find((x) => !x.group && x.name === first);
  if (!c) {
    const hint = suggest(first, list);
    throw new UserError(`Unknown command '${tokens[0]}'.${hint ? ` Did you mean ${hint}?` : ''}`, overallUsage(list));
  }
  return { command: c, rest: tokens.slice(1) };
}

function coerce(c: AnyCommand, a: ArgInfo, value: string, label: string): unknown {
  if (a.kind === 'integer' || a.kind === 'number') {
    const ok = a.kind === 'integer' ? /^[+-]?\d+$/.test(value) : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(value);
    if (!ok) throw new UserError(`${label} needs ${a.kind === 'integer' ? 'a whole number' : 'a number'}, not '${value}'.`, usageLine(c));
    return Number(value);
  }
  if (a.kind === 'choice') return value.toLowerCase();
  return value;
}

const BOOL: Record<string, boolean> = { true: true, yes: true, on: true, '1': true, false: false, no: false, off: false, '0': false };

/**
 * Reads Slack-style text (`search model merging --since 2025-01-01 --limit 5 --has-code`) into the
 * command and its raw arguments keyed by field. Unknown flags, flags without values and values of
 * the wrong kind throw UserError naming the flag, with the command's usage line.
 */
export function parseCommandText(
  text: string,
  list: readonly AnyCommand[] = allCommands,
): { command: AnyCommand; args: Record<string, unknown>; positional: readonly string[] } {
  let tokens: string[];
  try {
    tokens = tokenize(text.trim().replace(/^\/?papers(\s+|$)/i, ''));
  } catch (err) {
    throw err instanceof UserError ? new UserError(err.message, overallUsage(list)) : err;
  }
  if (!tokens.length) tokens.push('help');
  const { command: c, rest } = matchCommand(tokens, list);
  const infos = argInfos(c.args);
  const args: Record<string, unknown> = {};
  const words: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const tok = rest[i]!;
    if (!/^--\S/.test(tok)) {
      words.push(tok);
      continue;
    }
    let [name, inline] = [tok.slice(2), undefined as string | undefined];
    const eq = name.indexOf('=');
    if (eq >= 0) [name, inline] = [name.slice(0, eq), name.slice(eq + 1)];
    name = name.toLowerCase();
    let info = infos.find((a) => a.option === name);
    let negated = false;
    if (!info && name.startsWith('no-')) {
      info = infos.find((a) => a.option === name.slice(3) && a.kind === 'boolean');
      negated = info !== undefined;
    }
    if (!info) {
      const known = infos.map((a) => `--${a.option}`).join(', ');
      throw new UserError(`Unknown flag --${name} for ${commandName(c)}.${known ? ` It takes ${known}.` : ' It takes no flags.'}`, usageLine(c));
    }
    const label = `--${info.option}`;
    if (info.field in args) throw new UserError(`${label} is given twice.`, usageLine(c));
    if (info.kind === 'boolean') {
      if (inline === undefined) args[info.field] = !negated;
      else if (inline.toLowerCase() in BOOL && !negated) args[info.field] = BOOL[inline.toLowerCase()];
      else throw new UserError(`${label} is a switch: write ${label} alone, or ${label}=false.`, usageLine(c));
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = rest[i + 1];
      if (next === undefined || /^--\S/.test(next)) throw new UserError(`${label} needs a value (${info.placeholder}).`, usageLine(c));
      value = next;
      i++;
      // A value declared as several words takes the following non-flag words too.
      for (let more = (info.words ?? 1) - 1; more > 0 && rest[i + 1] !== undefined && !/^--\S/.test(rest[i + 1]!); more--) value += ` ${rest[++i]}`;
    }
    args[info.field] = coerce(c, info, value, label);
  }
  const positional = typeof c.positional === 'function' ? c.positional(words[0]?.toLowerCase()) : (c.positional ?? []);
  if (words.length && !positional.length) {
    throw new UserError(`${commandName(c)} takes no words, only flags: unexpected '${words.join(' ')}'.`, usageLine(c));
  }
  positional.forEach((field, i) => {
    const last = i === positional.length - 1;
    const value = last ? words.slice(i).join(' ') : words[i];
    if (value === undefined || value === '') return;
    const info = infos.find((a) => a.field === field)!;
    if (field in args) throw new UserError(`<${info.option}> is given both as words and as --${info.option}.`, usageLine(c));
    args[field] = coerce(c, info, value, `<${info.option}>`);
  });
  return { command: c, args, positional };
}

const quote = (v: string) => (/[\s"']|^--/.test(v) || v === '' ? `"${v.replace(/"/g, '\\"')}"` : v);

/** The text that runs this command with these arguments (the local mode shows Next page this way). */
export function formatCommandText(c: AnyCommand, args: Record<string, unknown>): string {
  const infos = argInfos(c.args);
  const positional = typeof c.positional === 'function' ? c.positional(String(args.action ?? '')) : (c.positional ?? []);
  const parts = [typedName(c)];
  for (const field of positional) if (args[field] !== undefined) parts.push(quote(String(args[field])));
  for (const a of infos) {
    const v = args[a.field];
    if (positional.includes(a.field) || v === undefined || v === false) continue;
    parts.push(a.kind === 'boolean' ? `--${a.option}` : `--${a.option} ${quote(String(v))}`);
  }
  return parts.join(' ');
}
