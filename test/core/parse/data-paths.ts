import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED_DIGEST, TEST_DATA, dataFiles } from '../../helpers/test-data.js';

/** The real test data (test/fixtures/data, a slice of the shared data set). */
export const DATA = TEST_DATA;
export { SEED_DIGEST, dataFiles };
/** This project's crafted inputs. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/digests');

/** The seed digest's title/abstract pairs read the dumb way (blank-line paragraphs after the 5 header lines). */
export function seedPairs(): Array<{ title: string; abstract: string }> {
  const paras = fs.readFileSync(SEED_DIGEST, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).slice(5);
  const out: Array<{ title: string; abstract: string }> = [];
  for (let i = 0; i + 1 < paras.length; i += 2) out.push({ title: paras[i]!, abstract: paras[i + 1]! });
  return out;
}
