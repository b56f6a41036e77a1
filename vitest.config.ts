import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real PostgreSQL for the whole run (or TEST_DATABASE_URL's); each file takes its own schema.
    globalSetup: ['test/setup/postgres-server.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: forks keep native better-sqlite3 handles out of shared threads.
    pool: 'forks',
    // .ci/run reads the JSON report to print its one plain summary line.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', ['json', { outputFile: process.env.VITEST_JSON_REPORT }]] : ['default'],
  },
});
