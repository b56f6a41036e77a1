import * as z from 'zod';

/**
 * zod schemas for environment values, each refusing a bad value with the accepted range in the
 * message (`expected a whole number from 100 to 600000 (ms), got "99999999999"`), so config.ts can
 * print one line per variable that an operator can act on. Values arrive trimmed; blank ones never
 * reach these (blank means unset, so the default applies).
 */

function refuse(ctx: z.RefinementCtx, expected: string, got: string): never {
  ctx.addIssue({ code: 'custom', message: `expected ${expected}, got "${got}"` });
  return z.NEVER;
}

/** A number within [min, max]; `int` for whole numbers. The range is in every refusal. */
export function numberIn(min: number, max: number, opts: { int?: boolean; unit?: string } = {}) {
  const expected = `${opts.int ? 'a whole number' : 'a number'} from ${min} to ${max}${opts.unit ? ` (${opts.unit})` : ''}`;
  return z.string().transform((s, ctx) => {
    // Number('') is 0 and Number('0x10') is 16: only plain decimal notation is a number here.
    const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
    if (!Number.isFinite(n) || n < min || n > max || (opts.int && !Number.isInteger(n))) return refuse(ctx, expected, s);
    return n;
  });
}

/** A 24-hour wall-clock time, HH:MM (00:00–23:59). */
export const timeOfDay = z.string().transform((s, ctx) => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  return m ? s : refuse(ctx, 'a time HH:MM from 00:00 to 23:59', s);
});

/** An http(s) URL: the only schemes fetch and the platform SDKs speak. */
export const httpUrl = z.string().transform((s, ctx) => {
  try {
    const u = new URL(s);
    if (u.protocol === 'http:' || u.protocol === 'https:') return s;
  } catch {
    // fall through to the refusal
  }
  return refuse(ctx, 'an http:// or https:// URL', s);
});

/** One of a fixed set of words. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((s, ctx) => ((values as readonly string[]).includes(s) ? (s as T[number]) : refuse(ctx, `one of ${values.join(', ')}`, s)));
}

/** true/false, 1/0, yes/no. */
export const bool = z.string().transform((s, ctx) => {
  const v = s.toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return refuse(ctx, 'true or false (or 1/0, yes/no)', s);
});

/** A value that must start with a known prefix (Slack tokens say what they are: xoxb-, xapp-). */
export function prefixed(prefix: string, what: string) {
  return z.string().transform((s, ctx) => (s.startsWith(prefix) && s.length > prefix.length ? s : refuse(ctx, `${what} starting with ${prefix}`, `${s.slice(0, prefix.length)}…`)));
}

/** A comma-separated list whose every item matches `item` (empty items dropped). */
export function listOf(item: RegExp, expected: string) {
  return z.string().transform((s, ctx) => {
    const items = s.split(',').map((x) => x.trim()).filter(Boolean);
    const bad = items.find((x) => !item.test(x));
    return bad === undefined ? items : refuse(ctx, `a comma-separated list of ${expected}`, bad);
  });
}

/** A non-empty path or word; anything goes but blank, which never reaches here. */
export const text = z.string();
