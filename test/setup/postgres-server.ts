/**
 * vitest globalSetup: one real PostgreSQL server for the whole run (test/helpers/embedded-postgres.ts),
 * or the server in TEST_DATABASE_URL when that is set (nothing is started then). Each test file
 * takes its own schemas on it (test/helpers/postgres.ts).
 */
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../helpers/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin connection string to the test PostgreSQL server. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const server = await startEmbeddedPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
