import * as z from 'zod';

/** A calendar date YYYY-MM-DD that exists (2025-02-30 is refused). */
export function dateArg(description: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-01-31')
    .max(10)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, 'is not a real calendar date')
    .meta({ placeholder: 'YYYY-MM-DD' })
    .describe(description);
}

/** A paper id: arXiv id (2401.12345, v2 allowed), an arxiv.org link, or a `title:` id. */
export function paperIdArg(description: string) {
  return z.string().trim().min(1).max(300).meta({ placeholder: 'ID' }).describe(description);
}

/** Results per page: 1..25, 5 by default. */
export const limitArg = z.number().int().min(1).max(25).default(5).describe('Results per page (1-25, default 5)');
/** 1-based page, at most 1000. */
export const pageArg = z.number().int().min(1).max(1000).default(1).describe('Page of results (default 1)');
