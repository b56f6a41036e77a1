import { UserError } from "../src/core/errors.js";
import { argInfos } from "./arg-info.js";
import { usageLine } from "./help-text.js";
import { commandName } from "./types.js";
function staticPositional(c) {
  return typeof c.positional === "function" ? [] : c.positional ?? [];
}
function argLabel(c, info, style, positional = staticPositional(c)) {
  if (style === "options") return info.option;
  return positional.includes(info.field) ? `<${info.option}>` : `--${info.option}`;
}
const show = (v) => typeof v === "string" ? `'${v.length > 40 ? `${v.slice(0, 40)}\u2026` : v}'` : String(v);
function describeIssue(issue, info, label, value) {
  const i = issue;
  if (value === void 0 || i.code === "too_small" && i.origin === "string" && value === "" && Number(i.minimum) <= 1) {
    return `${label} is missing`;
  }
  switch (i.code) {
    case "too_big":
      return i.origin === "string" ? `${label} is ${String(value).length} characters long; at most ${i.maximum} allowed` : `${label} must be at most ${i.maximum} (got ${show(value)})`;
    case "too_small":
      return i.origin === "string" ? `${label} must be at least ${i.minimum} characters` : `${label} must be at least ${i.minimum} (got ${show(value)})`;
    case "invalid_value":
      return `${label} must be one of ${info?.choices?.join(", ") ?? "the listed values"} (got ${show(value)})`;
    case "invalid_type":
      return `${label} must be ${info?.kind === "integer" ? "a whole number" : info?.kind === "boolean" ? "true or false" : `a ${info?.kind ?? "value"}`} (got ${show(value)})`;
    default:
      return `${label} ${i.message} (got ${show(value)})`;
  }
}
function validateArgs(c, raw, style, positional, platform) {
  const infos = argInfos(c.args);
  const usage = usageLine(c, platform);
  const unknown = Object.keys(raw).filter((k) => !infos.some((a) => a.field === k));
  if (unknown.length) {
    const names = unknown.map((k) => style === "text" ? `--${k}` : k).join(", ");
    throw new UserError(`Unknown option ${names} for ${commandName(c)}.`, usage);
  }
  const parsed = c.args.safeParse(raw);
  if (parsed.success) return parsed.data;
  const seen = /* @__PURE__ */ new Set();
  const firsts = parsed.error.issues.filter((i) => {
    const key = String(i.path[0] ?? "");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const problems = firsts.slice(0, 3).map((issue) => {
    const field = String(issue.path[0] ?? "");
    const info = infos.find((a) => a.field === field);
    const label = info ? argLabel(c, info, style, positional) : field || commandName(c);
    return describeIssue(issue, info, label, raw[field]);
  });
  throw new UserError(`${problems.join("; ")}.`, usage);
}
export {
  argLabel,
  staticPositional,
  validateArgs
};
//# sourceMappingURL=validate.js.map
