import { z } from "zod";
function refuse(ctx, expected, got) {
  ctx.addIssue({ code: "custom", message: `expected ${expected}, got "${got}"` });
  return z.NEVER;
}
function numberIn(min, max, opts = {}) {
  const expected = `${opts.int ? "a whole number" : "a number"} from ${min} to ${max}${opts.unit ? ` (${opts.unit})` : ""}`;
  return z.string().transform((s, ctx) => {
    const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? Number(s) : NaN;
    if (!Number.isFinite(n) || n < min || n > max || opts.int && !Number.isInteger(n)) return refuse(ctx, expected, s);
    return n;
  });
}
const timeOfDay = z.string().transform((s, ctx) => {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  return m ? s : refuse(ctx, "a time HH:MM from 00:00 to 23:59", s);
});
const httpUrl = z.string().transform((s, ctx) => {
  try {
    const u = new URL(s);
    if (u.protocol === "http:" || u.protocol === "https:") return s;
  } catch {
  }
  return refuse(ctx, "an http:// or https:// URL", s);
});
function oneOf(values) {
  return z.string().transform((s, ctx) => values.includes(s) ? s : refuse(ctx, `one of ${values.join(", ")}`, s));
}
const bool = z.string().transform((s, ctx) => {
  const v = s.toLowerCase();
  if (["true", "1", "yes"].includes(v)) return true;
  if (["false", "0", "no"].includes(v)) return false;
  return refuse(ctx, "true or false (or 1/0, yes/no)", s);
});
function prefixed(prefix, what) {
  return z.string().transform((s, ctx) => s.startsWith(prefix) && s.length > prefix.length ? s : refuse(ctx, `${what} starting with ${prefix}`, `${s.slice(0, prefix.length)}\u2026`));
}
function listOf(item, expected) {
  return z.string().transform((s, ctx) => {
    const items = s.split(",").map((x) => x.trim()).filter(Boolean);
    const bad = items.find((x) => !item.test(x));
    return bad === void 0 ? items : refuse(ctx, `a comma-separated list of ${expected}`, bad);
  });
}
const text = z.string();
export {
  bool,
  httpUrl,
  listOf,
  numberIn,
  oneOf,
  prefixed,
  text,
  timeOfDay
};
//# sourceMappingURL=env-values.js.map
