import type { Source, StoredPaper } from '../paper.js';
import { toCard } from '../cards.js';
import type { OutgoingMessage } from '../reply.js';
import { formatTopics } from './topics.js';
import type { SubscriptionSettings } from './subscription.js';

const SOURCE_NAMES: Record<Source, string> = {
  'hf-digest-text': 'Hugging Face Daily Papers',
  'hf-api': 'Hugging Face Daily Papers',
  'arxiv-rss': 'arXiv',
  'arxiv-atom': 'arXiv',
  'arxiv-jsonl': 'arXiv',
  'arxiv-kaggle': 'arXiv',
};

/** "📰 Papers of 2026-03-09 · Hugging Face Daily Papers · top 5 of 28 · topics: merging" */
export function headerText(opts: { digestDate?: string; sources: Source[]; count: number; considered: number; settings: SubscriptionSettings }): string {
  const names = [...new Set(opts.sources.map((s) => SOURCE_NAMES[s]))].join(' + ') || 'papers';
  const parts = [`📰 Papers of ${opts.digestDate ?? 'today'}`, names, opts.count < opts.considered ? `top ${opts.count} of ${opts.considered} new` : `${opts.count} new`];
  const topics = formatTopics(opts.settings.topics);
  if (topics) parts.push(`topics: ${topics}`);
  return parts.join(' · ');
}

export const EMPTY_LINE = 'No new papers since the last digest.';

/** One paper, one message: a reaction on it bookmarks exactly that paper. */
export function paperMessage(p: StoredPaper, index: number, total: number): OutgoingMessage {
  const card = toCard(p);
  const up = p.upvotes !== undefined ? ` (▲ ${p.upvotes})` : '';
  return { text: `${index}/${total} ${p.title}${up}${card.url ? ` — ${card.url}` : ''}`, card };
}
