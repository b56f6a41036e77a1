import { UserError } from "../src/core/errors.js";
import { argInfos } from "./arg-info.js";
import { overallUsage, suggest } from "./suggest.js";
import { usageLine } from "./help-text.js";
import { typedName } from "./roots.js";
import { commands as allCommands } from "./registry.js";
import { commandName } from "./types.js";
const normalize = (s) => s.replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(new RegExp("(^|\\s)[\\u2013\\u2014](?=\\p{L})", "gu"), "$1--");
function tokenize(text) {
  const s = normalize(text);
  const tokens = [];
  let cur = "";
  let inToken = false;
  let quote2;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote2) {
      if (ch === "\\" && quote2 === '"' && s[i + 1] === '"') cur += s[++i];
      else if (ch === quote2) quote2 = void 0;
      else cur += ch;
    } else if (ch === '"' || ch === "'" && !inToken) {
      quote2 = ch;
      inToken = true;
    } else if (/\s/.test(ch)) {
      if (inToken) tokens.push(cur);
      cur = "";
      inToken = false;
    } else {
      cur += ch;
      inToken = true;
    }
  }
  if (quote2) throw new UserError(`A ${quote2} quote is not closed.`);
  if (inToken) tokens.push(cur);
  return tokens;
}
function matchCommand(tokens, list) {
  const first = tokens[0]?.toLowerCase() ?? "";
  const groupCmds = list.filter((c2) => c2.group === first);
  if (groupCmds.length) {
    const second = tokens[1]?.toLowerCase();
    const c2 = groupCmds.find((g) => g.name === second);
    if (!c2) {
      const what = second ? `Unknown ${first} subcommand '${tokens[1]}'` : `${first} needs a subcommand`;
      throw new UserError(`${what}: ${groupCmds.map((g) => g.name).join(" or ")}.`, groupCmds.map((g) => usageLine(g)).join("\n"));
    }
    return { command: c2, rest: tokens.slice(2) };
  }
  const c = list.find((x) => !x.group && x.name === first);
  if (!c) {
    const hint = suggest(first, list);
    throw new UserError(`Unknown command '${tokens[0]}'.${hint ? ` Did you mean ${hint}?` : ""}`, overallUsage(list));
  }
  return { command: c, rest: tokens.slice(1) };
}
function coerce(c, a, value, label) {
  if (a.kind === "integer" || a.kind === "number") {
    const ok = a.kind === "integer" ? /^[+-]?\d+$/.test(value) : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(value);
    if (!ok) throw new UserError(`${label} needs ${a.kind === "integer" ? "a whole number" : "a number"}, not '${value}'.`, usageLine(c));
    return Number(value);
  }
  if (a.kind === "choice") return value.toLowerCase();
  return value;
}
const BOOL = { true: true, yes: true, on: true, "1": true, false: false, no: false, off: false, "0": false };
function parseCommandText(text, list = allCommands) {
  let tokens;
  try {
    tokens = tokenize(text.trim().replace(/^\/?papers(\s+|$)/i, ""));
  } catch (err) {
    throw err instanceof UserError ? new UserError(err.message, overallUsage(list)) : err;
  }
  if (!tokens.length) tokens.push("help");
  const { command: c, rest } = matchCommand(tokens, list);
  const infos = argInfos(c.args);
  const args = {};
  const words = [];
  for (let i = 0; i < rest.length; i++) {
    const tok = rest[i];
    if (!/^--\S/.test(tok)) {
      words.push(tok);
      continue;
    }
    let [name, inline] = [tok.slice(2), void 0];
    const eq = name.indexOf("=");
    if (eq >= 0) [name, inline] = [name.slice(0, eq), name.slice(eq + 1)];
    name = name.toLowerCase();
    let info = infos.find((a) => a.option === name);
    let negated = false;
    if (!info && name.startsWith("no-")) {
      info = infos.find((a) => a.option === name.slice(3) && a.kind === "boolean");
      negated = info !== void 0;
    }
    if (!info) {
      const known = infos.map((a) => `--${a.option}`).join(", ");
      throw new UserError(`Unknown flag --${name} for ${commandName(c)}.${known ? ` It takes ${known}.` : " It takes no flags."}`, usageLine(c));
    }
    const label = `--${info.option}`;
    if (info.field in args) throw new UserError(`${label} is given twice.`, usageLine(c));
    if (info.kind === "boolean") {
      if (inline === void 0) args[info.field] = !negated;
      else if (inline.toLowerCase() in BOOL && !negated) args[info.field] = BOOL[inline.toLowerCase()];
      else throw new UserError(`${label} is a switch: write ${label} alone, or ${label}=false.`, usageLine(c));
      continue;
    }
    let value = inline;
    if (value === void 0) {
      const next = rest[i + 1];
      if (next === void 0 || /^--\S/.test(next)) throw new UserError(`${label} needs a value (${info.placeholder}).`, usageLine(c));
      value = next;
      i++;
    }
    args[info.field] = coerce(c, info, value, label);
  }
  const positional = typeof c.positional === "function" ? c.positional(words[0]?.toLowerCase()) : c.positional ?? [];
  if (words.length && !positional.length) {
    throw new UserError(`${commandName(c)} takes no words, only flags: unexpected '${words.join(" ")}'.`, usageLine(c));
  }
  positional.forEach((field, i) => {
    const last = i === positional.length - 1;
    const value = last ? words.slice(i).join(" ") : words[i];
    if (value === void 0 || value === "") return;
    const info = infos.find((a) => a.field === field);
    if (field in args) throw new UserError(`<${info.option}> is given both as words and as --${info.option}.`, usageLine(c));
    args[field] = coerce(c, info, value, `<${info.option}>`);
  });
  return { command: c, args, positional };
}
const quote = (v) => /[\s"']|^--/.test(v) || v === "" ? `"${v.replace(/"/g, '\\"')}"` : v;
function formatCommandText(c, args) {
  const infos = argInfos(c.args);
  const positional = typeof c.positional === "function" ? c.positional(String(args.action ?? "")) : c.positional ?? [];
  const parts = [typedName(c)];
  for (const field of positional) if (args[field] !== void 0) parts.push(quote(String(args[field])));
  for (const a of infos) {
    const v = args[a.field];
    if (positional.includes(a.field) || v === void 0 || v === false) continue;
    parts.push(a.kind === "boolean" ? `--${a.option}` : `--${a.option} ${quote(String(v))}`);
  }
  return parts.join(" ");
}
export {
  formatCommandText,
  matchCommand,
  parseCommandText,
  tokenize
};
//# sourceMappingURL=text-parser.js.map
