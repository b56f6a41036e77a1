import type { Format } from '../core/parse/ports.js';

export const FORMAT_NAMES: Format[] = ['hf-digest-text', 'hf-api', 'arxiv-rss', 'arxiv-atom', 'arxiv-jsonl', 'arxiv-kaggle'];

export function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}
