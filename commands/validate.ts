import type * as z from 'zod';
import { UserError } from '../src/core/errors.js';
import { argInfos, type ArgInfo } from './arg-info.js';
import { usageLine } from './help-text.js';
import type { Platform } from './roots.js';
import { commandName, type AnyCommand } from './types.js';

/** How names appear in messages: `--limit` / `<topic>` for text, `limit` for typed options. */
export type LabelStyle = 'text' | 'options';

/** The static positional fields of a command (a function form has none fixed). */
export function staticPositional(c: AnyCommand): readonly string[] {
  return typeof c.positional === 'function' ? [] : (c.positional ?? []);
}

export function argLabel(c: AnyCommand, info: ArgInfo, style: LabelStyle, positional: readonly string[] = staticPositional(c)): string {
  if (style === 'options') return info.option;
  return positional.includes(info.field) ? `<${info.option}>` : `--${info.option}`;
}

const show = (v: unknown) => (typeof v === 'string' ? `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'` : String(v));

function describeIssue(issue: z.core.$ZodIssue, info: ArgInfo | undefined, label: string, value: unknown): string {
  const i = issue as z.core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string };
  if (value === undefined || (i.code === 'too_small' && i.origin === 'string' && value === '' && Number(i.minimum) <= 1)) {
    return `${label} is missing`;
  }
  switch (i.code) {
    case 'too_big':
      return i.origin === 'string'
        ? `${label} is ${String(value).length} characters long; at most ${i.maximum} allowed`
        : `${label} must be at most ${i.maximum} (got ${show(value)})`;
    case 'too_small':
      return i.origin === 'string'
        ? `${label} must be at least ${i.minimum} characters`
        : `${label} must be at least ${i.minimum} (got ${show(value)})`;
    case 'invalid_value':
      return `${label} must be one of ${info?.choices?.join(', ') ?? 'the listed values'} (got ${show(value)})`;
    case 'invalid_type':
      return `${label} must be ${info?.kind === 'integer' ? 'a whole number' : info?.kind === 'boolean' ? 'true or false' : `a ${info?.kind ?? 'value'}`} (got ${show(value)})`;
    default:
      return `${label} ${i.message} (got ${show(value)})`;
  }
}

/**
 * Checks raw arguments (keyed by field) against the command's schema and applies defaults.
 * Unknown names and bad values throw UserError naming the argument, with the usage line.
 */
export function validateArgs(
  c: AnyCommand,
  raw: Record<string, unknown>,
  style: LabelStyle,
  /** The fields the text filled from words (named <field> in messages); defaults to the static ones. */
  positional?: readonly string[],
  /** For the usage line errors carry: on Discord an admin command is typed under its own root. */
  platform?: Platform,
): Record<string, unknown> {
  const infos = argInfos(c.args);
  const usage = usageLine(c, platform);
  const unknown = Object.keys(raw).filter((k) => !infos.some((a) => a.field === k));
  if (unknown.length) {
    const names = unknown.map((k) => (style === 'text' ? `--${k}` : k)).join(', ');
    throw new UserError(`Unknown option ${names} for ${commandName(c)}.`, usage);
  }
  const parsed = c.args.safeParse(raw);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  // One problem per argument (a bad date fails both the format and the calendar check).
  const seen = new Set<string>();
  const firsts = parsed.error.issues.filter((i) => {
    const key = String(i.path[0] ?? '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const problems = firsts.slice(0, 3).map((issue) => {
    const field = String(issue.path[0] ?? '');
    const info = infos.find((a) => a.field === field);
    const label = info ? argLabel(c, info, style, positional) : field || commandName(c);
    return describeIssue(issue, info, label, raw[field]);
  });
  // Messages start with the argument's own name (--limit, <topic>, limit), never re-cased.
  throw new UserError(`${problems.join('; ')}.`, usage);
}
