import { readFileSync } from 'node:fs';
import type { Paper } from '../../../src/core/paper.js';
import { paperId } from '../../../src/core/paper-id.js';
import { SEED_DIGEST } from '../../helpers/test-data.js';

/**
 * The seed digest as Papers, split locally (5 header lines, then title / abstract paragraphs) so the
 * search tests do not depend on the digest parser. Every paper gets the digest date given.
 */
export function seedPapers(digestDate = '2023-04-22'): Paper[] {
  const paras = readFileSync(SEED_DIGEST, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(5);
  const out: Paper[] = [];
  for (let i = 0; i + 1 < paras.length; i += 2) {
    const title = paras[i]!;
    out.push({
      id: paperId(undefined, title),
      title,
      abstract: paras[i + 1]!,
      authors: [],
      links: [],
      keywords: [],
      categories: [],
      digestDate,
      source: 'hf-digest-text',
      flags: [],
    });
  }
  return out;
}
