import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { SEED_DIGEST, TEST_DATA } from './test-data.js';

/** A fresh temp directory per call, removed after the test. */
export function useTempDirs(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), 'papers-'));
    dirs.push(d);
    return d;
  };
}

/** @deprecated The tests' real data is test/fixtures/data: import TEST_DATA from ./test-data.js. Kept so older imports still resolve there. */
export const SHARED_DATA = TEST_DATA;
export { SEED_DIGEST };
