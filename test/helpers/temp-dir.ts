import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

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

/** Where the shared real data lives, relative to the project root (tests run from there). */
export const SHARED_DATA = join(process.cwd(), '..', 'shared', 'data');
export const SEED_DIGEST = join(SHARED_DATA, 'digests', '000_ef33da10a12a54aa.txt');
