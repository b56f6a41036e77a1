import type { Caller, ReplyAction } from '../src/core/reply.js';
import { thousands } from '../src/core/thousands.js';

export interface PageSize {
  /** Cards per page: what was asked for, or fewer when the platform cannot show that many at once. */
  per: number;
  /** " (showing 10 per page here)" when `per` is below the request, else ''. */
  note: string;
}

/**
 * The page size a paging command should use for this caller. Paging by the requested size when the
 * platform shows fewer cards would make Next page jump over the cards it left out.
 */
export function pageSize(requested: number, caller: Pick<Caller, 'maxCards'>): PageSize {
  const max = caller.maxCards;
  if (max === undefined || !Number.isInteger(max) || max < 1 || requested <= max) return { per: requested, note: '' };
  return { per: max, note: ` (showing ${max} per page here)` };
}

/** " (the newest 10,000 ranked)" when a search ranked only its newest matches (SearchResult.newestRanked), else ''. */
export function newestRankedNote(newestRanked: number | undefined): string {
  return newestRanked ? ` (the newest ${thousands(newestRanked)} ranked)` : '';
}

/**
 * A ranked list's actions: Next page when there is more, and Rank every match (`all`) when the
 * search ranked fewer than all its matches. Flags that are off are left out of the arguments (the
 * schema's defaults give them back): a Discord button carries them in a 100-character custom_id,
 * and one that does not fit stops working when the bot restarts.
 */
export function rankedListActions(command: string, args: Record<string, unknown>, o: { page: number; more: boolean; cut: boolean }): ReplyAction[] {
  const carried = Object.fromEntries(Object.entries(args).filter(([, v]) => v !== false && v !== undefined));
  return [
    ...(o.more ? [{ kind: 'run' as const, label: 'Next page', command, args: { ...carried, page: o.page + 1 } }] : []),
    ...(o.cut ? [{ kind: 'run' as const, label: 'Rank every match', command, args: { ...carried, page: 1, all: true } }] : []),
  ];
}
