import { groupMatch, phraseMatch, quote } from "./query-plan.js";
const LONG_QUERY_WORDS = 5;
const COMMON_SHARE = 0.2;
function matchLevels(plan, docCount, dfOf, levelled, proximity = 0, long = false) {
  const phrases = plan.phrases.map(phraseMatch);
  const groups = plan.groups.map(groupMatch);
  const withPhrases = (words) => [...phrases, ...words ? [words] : []].join(" AND ");
  const all = withPhrases(groups.length ? groups.join(" AND ") : void 0);
  if (groups.length <= 1) return [all];
  const anyOf = (gs) => withPhrases(gs.length === 1 ? gs[0] : `(${gs.join(" OR ")})`);
  if (!levelled && !long) return [anyOf(groups)];
  const informative = groups.filter((_, i) => dfOf(plan.groups[i]) <= COMMON_SHARE * docCount);
  const loosest = anyOf(informative.length ? informative : groups);
  if (long) {
    const weighty = groups.filter((_, i) => dfOf(plan.groups[i]) <= docCount / 2);
    const words = weighty.length ? weighty : groups;
    if (!proximity) return [anyOf(words)];
    const near = [];
    for (let i = 0; i + 1 < plan.groups.length; i++) near.push(`NEAR(${quote(plan.groups[i][0])} ${quote(plan.groups[i + 1][0])}, ${proximity})`);
    return [anyOf([...words, ...near])];
  }
  return [all, loosest];
}
function evaluateLevels(ranker, levels, f, limit, offset, enough, unweighted = false, knownAllTotal) {
  const [all, loosest] = levels;
  const allTotal = knownAllTotal ?? ranker.count(all, f);
  if (unweighted && (!loosest || allTotal >= enough)) return { ranked: ranker.newest(all, f, limit, offset), total: allTotal };
  if (!loosest || allTotal >= enough) return { ranked: ranker.rank(all, f, limit, offset, allTotal), total: allTotal };
  const total = Math.max(allTotal, ranker.count(loosest, f));
  return { ranked: ranker.rank(loosest, f, limit, offset, total, allTotal ? all : void 0), total };
}
export {
  COMMON_SHARE,
  LONG_QUERY_WORDS,
  evaluateLevels,
  matchLevels
};
//# sourceMappingURL=evaluate.js.map
