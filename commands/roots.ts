import type { Caller } from '../src/core/reply.js';
import { commandName, type AnyCommand } from './types.js';

/** Where a command is typed; each names its top-level commands its own way (see rootOf). */
export type Platform = Caller['platform'];

/** The top-level command every platform registers; on Slack and in the terminal it is the only one. */
export const ROOT = { name: 'papers', description: 'Search, bookmark and follow research papers' } as const;

/**
 * Discord's second top-level command, for the admin subcommands: Discord sets
 * `default_member_permissions` per top-level command, so only a command of their own can be hidden
 * from members without Manage Server. Slack has one slash command, so there they stay under ROOT.
 */
export const ADMIN_ROOT = { name: 'papers-admin', description: "Set up and post this channel's paper digest (Manage Server)" } as const;

/** Every top-level command some platform registers. */
export const ROOTS = [ROOT, ADMIN_ROOT] as const;

/** The top-level command a person types to run `c` on `platform` (omitted: a one-command platform). */
export function rootOf(c: Pick<AnyCommand, 'admin'> | undefined, platform?: Platform): string {
  return c?.admin && platform === 'discord' ? ADMIN_ROOT.name : ROOT.name;
}

/** `/papers search`, or on Discord `/papers-admin digest now`: what starts `c` as people type it. */
export function typedName(c: Pick<AnyCommand, 'admin' | 'name' | 'group'>, platform?: Platform): string {
  return `/${rootOf(c, platform)} ${commandName(c)}`;
}

/** A usage line or example declared as `/papers …`, with the root people type for `c` on `platform`. */
export function retarget(text: string, c: Pick<AnyCommand, 'admin'>, platform?: Platform): string {
  const root = rootOf(c, platform);
  return root === ROOT.name ? text : text.replaceAll(`/${ROOT.name} `, `/${root} `);
}
