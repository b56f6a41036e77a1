import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DATA, dataFiles } from './helpers/test-data.js';

const ROOT = process.cwd();
/** The shared data set beside the project, in the forms a path to it takes in code. */
const SHARED = /\.\.\/shared\b|\/work\/shared\b|['"]shared['"]\s*,\s*['"]data['"]/;

function files(dir: string, keep: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : files(path, keep);
    return keep.test(name) ? [path] : [];
  });
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    return n + (statSync(path).isDirectory() ? dirSize(path) : statSync(path).size);
  }, 0);
}

describe('the tests pass on a fresh clone with nothing beside it', () => {
  it('no test or test helper reads ../shared: real inputs come from test/fixtures/data', () => {
    const own = join(ROOT, 'test', 'fresh-clone.test.ts');
    const found = files(join(ROOT, 'test'), /\.(ts|mts|js|mjs)$/)
      .filter((f) => f !== own && SHARED.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(found).toEqual([]);
  });

  it('the check itself catches each form of the path', () => {
    expect(SHARED.test(`readFileSync('../shared/data/hf-daily/x.json')`)).toBe(true);
    expect(SHARED.test(`join(process.cwd(), '..', 'shared', 'data')`)).toBe(true);
    expect(SHARED.test(`'/work/shared/data'`)).toBe(true);
    expect(SHARED.test(`const shared = createEnv(); // a shared env`)).toBe(false);
  });

  it('the test data holds every input format and its licence notices, and stays small', () => {
    expect(dataFiles('hf-daily', '.json').length).toBeGreaterThanOrEqual(5);
    expect(dataFiles('arxiv-daily', '.jsonl').length).toBeGreaterThanOrEqual(2);
    expect(dataFiles('arxiv-feeds', '.xml').length).toBeGreaterThanOrEqual(3);
    expect(dataFiles('arxiv-kaggle', '.json')).toHaveLength(1);
    expect(dataFiles('digests', '.txt')).toHaveLength(1);
    expect(dataFiles('LICENSES', '.txt').length).toBeGreaterThanOrEqual(4);
    expect(readFileSync(join(TEST_DATA, 'README.md'), 'utf8')).toMatch(/Apache-2\.0/);
    expect(dirSize(TEST_DATA)).toBeLessThan(5 * 1024 * 1024);
  });
});
