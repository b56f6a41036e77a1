import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one place tests find real input data: test/fixtures/data, a small slice of the shared data
 * kept in the repository (see its README for provenance and licences). Tests never read the data set beside the project,
 * so a fresh clone passes `npm test` on its own.
 */
export const TEST_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/data');

/** A file under the test data root: testData('hf-daily', '2025-06-10.json'). */
export function testData(...parts: string[]): string {
  return path.join(TEST_DATA, ...parts);
}

/** The founding Hugging Face digest (74 papers, "Apr 22"). */
export const SEED_DIGEST = testData('digests', '000_ef33da10a12a54aa.txt');

/** One HF daily_papers API response by date (YYYY-MM-DD). */
export const hfDay = (date: string): string => testData('hf-daily', `${date}.json`);

/** Every file of a test-data folder with that extension, sorted, as absolute paths. */
export function dataFiles(dir: string, ext: string): string[] {
  return fs
    .readdirSync(testData(dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => testData(dir, f));
}
