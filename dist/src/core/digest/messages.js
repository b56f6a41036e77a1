import { toCard } from "../cards.js";
import { formatTopics } from "./topics.js";
const SOURCE_NAMES = {
  "hf-digest-text": "Hugging Face Daily Papers",
  "hf-api": "Hugging Face Daily Papers",
  "arxiv-rss": "arXiv",
  "arxiv-atom": "arXiv",
  "arxiv-jsonl": "arXiv",
  "arxiv-kaggle": "arXiv"
};
function headerText(opts) {
  const names = [...new Set(opts.sources.map((s) => SOURCE_NAMES[s]))].join(" + ") || "papers";
  const parts = [`\u{1F4F0} Papers of ${opts.digestDate ?? "today"}`, names, opts.count < opts.considered ? `top ${opts.count} of ${opts.considered} new` : `${opts.count} new`];
  const topics = formatTopics(opts.settings.topics);
  if (topics) parts.push(`topics: ${topics}`);
  return parts.join(" \xB7 ");
}
const EMPTY_LINE = "No new papers since the last digest.";
function paperMessage(p, index, total) {
  const card = toCard(p);
  const up = p.upvotes !== void 0 ? ` (\u25B2 ${p.upvotes})` : "";
  return { text: `${index}/${total} ${p.title}${up}${card.url ? ` \u2014 ${card.url}` : ""}`, card };
}
export {
  EMPTY_LINE,
  headerText,
  paperMessage
};
//# sourceMappingURL=messages.js.map
