import type { Caller } from '../src/core/reply.js';

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
