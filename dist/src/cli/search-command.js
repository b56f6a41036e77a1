import { createInterface } from "node:readline";
import { bestLink, SourceSchema } from "../core/paper.js";
import { validDate } from "./shared-options.js";
const SEARCH_USAGE = "usage: papers search <topic...> [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--has-code] [--min-upvotes N] [--source S] [--limit N] [--page N] [--json]\n       papers search - --json   (one query per stdin line)";
const SIMILAR_USAGE = "usage: papers similar <id> [--limit N] [--page N] [--json]";
class UsageError extends Error {
}
function intFlag(name, v, min, max = Number.MAX_SAFE_INTEGER) {
  if (v === void 0 || !/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new UsageError(`${name} needs a whole number${max < Number.MAX_SAFE_INTEGER ? ` from ${min} to ${max}` : ` \u2265 ${min}`}`);
  }
  return Number(v);
}
function dateFlag(name, v) {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`${name} needs a date as YYYY-MM-DD`);
  if (!validDate(v)) throw new UsageError(`${name} ${v} is not a real date (no such day)`);
  return v;
}
function parseArgs(argv, allowFilters) {
  const out = { words: [], json: false, filters: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, void 0];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--json":
        out.json = true;
        break;
      case "--limit":
        out.filters.limit = intFlag("--limit", value(), 1, 25);
        break;
      case "--page":
        out.filters.page = intFlag("--page", value(), 1);
        break;
      case "--since":
      case "--until":
      case "--has-code":
      case "--min-upvotes":
      case "--source": {
        if (!allowFilters) throw new UsageError(`${flag} is not an option here`);
        if (flag === "--since") out.filters.since = dateFlag(flag, value());
        else if (flag === "--until") out.filters.until = dateFlag(flag, value());
        else if (flag === "--has-code") out.filters.hasCode = true;
        else if (flag === "--min-upvotes") out.filters.minUpvotes = intFlag(flag, value(), 0);
        else {
          const s = SourceSchema.safeParse(value());
          if (!s.success) throw new UsageError(`--source must be one of: ${SourceSchema.options.join(", ")}`);
          out.filters.source = s.data;
        }
        break;
      }
      default:
        if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
        out.words.push(a);
    }
  }
  const { since, until } = out.filters;
  if (since && until && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  return out;
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
    args = parseArgs(argv, true);
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
    args = parseArgs(argv, false);
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
