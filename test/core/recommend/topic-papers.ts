import type { Paper } from '../../../src/core/paper.js';
import { seededRandom } from '../../../src/core/seeded-random.js';

/** Three research topics, each with its own words; papers draw most words from one topic. */
export const TOPICS = {
  graphs: 'graph neural network node edge message passing molecule molecular property prediction spectral convolution adjacency readout'.split(' '),
  speech: 'speech recognition audio acoustic transcription speaker phoneme waveform spectrogram utterance prosody vocoder'.split(' '),
  agents: 'reinforcement learning policy reward agent exploration trajectory value function actor critic environment episode'.split(' '),
} as const;
export type Topic = keyof typeof TOPICS;

const COMMON = 'we propose method results show approach model performance experiments data training evaluation benchmark novel framework'.split(' ');


/**
 * `perTopic` papers of each topic, ids `2401.<topic index><n>`, over `days` digest days from
 * 2024-01-01 (paper n on day n mod days). Titles and abstracts mix topic words with common ones.
 */
export function topicPapers(perTopic = 40, days = 4, seed = 3): Paper[] {
  const rand = seededRandom(seed);
  const pick = (xs: readonly string[]) => xs[Math.floor(rand() * xs.length)]!;
  const out: Paper[] = [];
  (Object.keys(TOPICS) as Topic[]).forEach((topic, t) => {
    for (let n = 0; n < perTopic; n++) {
      const words = TOPICS[topic];
      const title = Array.from({ length: 5 }, () => pick(words)).join(' ');
      const abstract = Array.from({ length: 40 }, () => (rand() < 0.65 ? pick(words) : pick(COMMON))).join(' ') + '.';
      const id = `2401.${t + 1}${String(n).padStart(4, '0')}`;
      out.push({
        id,
        arxivId: id,
        title: title[0]!.toUpperCase() + title.slice(1),
        abstract,
        authors: [`Author ${topic} ${n % 5}`],
        links: [],
        keywords: [],
        categories: [],
        digestDate: `2024-01-0${1 + (n % days)}`,
        source: 'arxiv-jsonl',
        flags: [],
      });
    }
  });
  return out;
}

export const topicOf = (id: string): Topic => (Object.keys(TOPICS) as Topic[])[Number(id.slice(5, 6)) - 1]!;
