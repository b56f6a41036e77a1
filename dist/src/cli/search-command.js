import { createInterface } from "node:readline";
import { parseArgs as parseArgv } from "node:util";
import { searchCommand as searchDeclaration } from "../../commands/search.js";
import { similarCommand as similarDeclaration } from "../../commands/similar.js";
import { validateArgs } from "../../commands/validate.js";
import { UserError } from "../core/errors.js";
import { bestLink } from "../core/paper.js";
const SEARCH_USAGE = "usage: papers search <topic...> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N] [--source S] [--limit N] [--page N] [--json]\n       papers search - --json   (one query per stdin line)";
const SIMILAR_USAGE = "usage: papers similar <id> [--limit N] [--page N] [--json]";
class UsageError extends Error {
}
const PAGING = { json: { type: "boolean" }, limit: { type: "string" }, page: { type: "string" } };
const FILTERS = { since: { type: "string" }, until: { type: "string" }, "has-code": { type: "boolean" }, "min-upvotes": { type: "string" }, source: { type: "string" } };
const num = (v) => v !== void 0 && /^-?\d+$/.test(v) ? Number(v) : v;
function parseFlags(argv, allowFilters) {
  let parsed;
  try {
    parsed = parseArgv({ args: argv, options: allowFilters ? { ...PAGING, ...FILTERS } : PAGING, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err.message.split(". ")[0] ?? "").replace(/^Unknown option/, "unknown option"));
  }
  const v = parsed.values;
  const words = parsed.positionals;
  const raw = allowFilters ? { topic: words.join(" "), since: v.since, until: v.until, hasCode: v["has-code"], minUpvotes: num(v["min-upvotes"]), source: v.source, limit: num(v.limit), page: num(v.page) } : { id: words.join(" "), limit: num(v.limit), page: num(v.page) };
  for (const k of Object.keys(raw)) if (raw[k] === void 0) delete raw[k];
  let a;
  try {
    a = validateArgs(allowFilters ? searchDeclaration : similarDeclaration, raw, "text");
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    throw new UsageError(err.message.replace(/\.$/, ""));
  }
  const since = a.since;
  const until = a.until;
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const filters = { limit: a.limit, page: a.page };
  if (allowFilters) Object.assign(filters, { since, until, hasCode: a.hasCode || void 0, minUpvotes: a.minUpvotes, source: a.source });
  for (const k of Object.keys(filters)) if (filters[k] === void 0) delete filters[k];
  return { words, json: Boolean(v.json), filters };
}
function snippetText(parts) {
  return parts.map((p) => p.hit ? `**${p.text}**` : p.text).join("").replace(/\s+/g, " ");
}
function toJson(query, r) {
  return {
    query,
    total: r.total,
    page: r.page,
    limit: r.limit,
    ...r.newestOnly ? { newestOnly: r.newestOnly } : {},
    ...r.notice ? { notice: r.notice } : {},
    results: r.hits.map((h, i) => ({
      rank: (r.page - 1) * r.limit + i + 1,
      id: h.paper.id,
      title: h.paper.title,
      score: h.score,
      url: bestLink(h.paper),
      authors: h.paper.authors,
      links: h.paper.links,
      digestDates: h.paper.digestDates,
      upvotes: h.paper.upvotes,
      snippet: h.snippet,
      snippetText: snippetText(h.snippet)
    }))
  };
}
function toText(r, nextHint) {
  if (!r.hits.length) return `${r.notice ?? "Nothing matched."}
`;
  const lines = [];
  r.hits.forEach((h, i) => {
    const p = h.paper;
    const meta = [p.id, p.digestDates[p.digestDates.length - 1], p.upvotes !== void 0 ? `${p.upvotes} upvotes` : void 0, bestLink(p)].filter(Boolean).join(" \xB7 ");
    lines.push(`${(r.page - 1) * r.limit + i + 1}. ${p.title}`, `   ${meta}`);
    if (h.snippet.length) lines.push(`   ${snippetText(h.snippet)}`);
    lines.push("");
  });
  const first = (r.page - 1) * r.limit + 1;
  const last = first + r.hits.length - 1;
  const among = r.newestOnly ? ` among the newest ${r.newestOnly.toLocaleString("en-US")} papers (add words to search them all)` : "";
  lines.push(`Showing ${first}\u2013${last} of ${r.total}${among}.${last < r.total ? ` Next: ${nextHint} --page ${r.page + 1}` : ""}`);
  return `${lines.join("\n")}
`;
}
const write = (s, text) => new Promise((res) => s.write(text) ? res() : s.once("drain", res));
function fail(io, err, usage) {
  if (err instanceof UsageError) {
    io.stderr.write(`papers: ${err.message}
${usage}
`);
    return 2;
  }
  io.stderr.write(`papers: ${err?.message ?? String(err)}
`);
  return 1;
}
async function searchCommand(argv, io, deps) {
  let args;
  try {
    args = parseFlags(argv, true);
  } catch (err) {
    return fail(io, err, SEARCH_USAGE);
  }
  if (args.words.length === 1 && args.words[0] === "-") {
    const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of rl) {
      let out;
      try {
        out = toJson(line, await deps.search.search({ ...args.filters, text: line }));
      } catch (err) {
        out = { query: line, error: err?.message ?? String(err), results: [] };
      }
      await write(io.stdout, `${args.json ? JSON.stringify(out) : JSON.stringify(out, null, 2)}
`);
    }
    return 0;
  }
  if (!args.words.length) {
    io.stderr.write(`papers: say what to search for
${SEARCH_USAGE}
`);
    return 2;
  }
  const text = args.words.join(" ");
  try {
    const r = await deps.search.search({ ...args.filters, text });
    const hint = `papers search ${args.words.map((w) => /\s|"/.test(w) ? JSON.stringify(w) : w).join(" ")}`;
    await write(io.stdout, args.json ? `${JSON.stringify(toJson(text, r))}
` : toText(r, hint));
    return 0;
  } catch (err) {
    return fail(io, err, SEARCH_USAGE);
  }
}
async function similarCommand(argv, io, deps) {
  let args;
  try {
    args = parseFlags(argv, false);
    if (args.words.length !== 1) throw new UsageError("give exactly one paper id");
  } catch (err) {
    return fail(io, err, SIMILAR_USAGE);
  }
  const id = args.words[0];
  try {
    const r = await deps.search.similar(id, { limit: args.filters.limit, page: args.filters.page });
    await write(io.stdout, args.json ? `${JSON.stringify(toJson(`similar:${id}`, r))}
` : toText(r, `papers similar ${id}`));
    return r.notice && !r.hits.length && r.notice.startsWith("No paper") ? 1 : 0;
  } catch (err) {
    return fail(io, err, SIMILAR_USAGE);
  }
}
export {
  searchCommand,
  similarCommand,
  snippetText
};
//# sourceMappingURL=search-command.js.map
