import pg from 'pg';
import { afterEach } from 'vitest';
import { createFakeClock, type Clock } from '../../../src/core/clock.js';
import { openStorage } from '../../../src/core/store/open-storage.js';
import type { Storage } from '../../../src/core/store/storage.js';
import { peekSqlite } from '../../helpers/peek-sqlite.js';
import { usePostgresSchemas } from '../../helpers/postgres.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty storage of this backend (closed after the test). */
  open(opts?: { clock?: Clock }): Promise<Storage>;
  /** Another storage on the same data (another process, another instance). */
  reopen(s: Storage, opts?: { clock?: Clock }): Promise<Storage>;
  /** Runs raw SQL on the storage's database from outside (checks, or breaking it on purpose). */
  sql(s: Storage, statement: string): Promise<Array<Record<string, unknown>>>;
  /** Where its data lives, to hand to another process. */
  where(s: Storage): { dataDir: string; databaseUrl?: string };
}

/**
 * The contract suite's backends: every storage test runs once per backend through
 * `describe.each(useBackends())`, so SQLite and PostgreSQL are held to the same behaviour.
 */
export function useBackends(): Backend[] {
  const tempDir = useTempDirs();
  const schema = usePostgresSchemas();
  const opened: Storage[] = [];
  const where = new Map<Storage, { dataDir: string; databaseUrl?: string }>();
  afterEach(async () => {
    for (const s of opened.splice(0).reverse()) await s.close();
  });
  const open = async (at: { dataDir: string; databaseUrl?: string }, clock: Clock = createFakeClock('2026-01-05T10:00:00Z')) => {
    const s = await openStorage({ ...at, clock });
    opened.push(s);
    where.set(s, at);
    return s;
  };
  const reopen = (s: Storage, opts: { clock?: Clock } = {}) => open(where.get(s)!, opts.clock);
  const at = (s: Storage) => where.get(s)!;
  return [
    {
      name: 'sqlite',
      open: (o = {}) => open({ dataDir: tempDir() }, o.clock),
      reopen,
      where: at,
      async sql(s, statement) {
        const db = peekSqlite(at(s).dataDir);
        const st = db.prepare(statement);
        return st.reader ? (st.all() as Array<Record<string, unknown>>) : (st.run(), []);
      },
    },
    {
      name: 'postgres',
      open: async (o = {}) => open({ dataDir: tempDir(), databaseUrl: await schema() }, o.clock),
      reopen,
      where: at,
      async sql(s, statement) {
        const c = new pg.Client({ connectionString: at(s).databaseUrl });
        await c.connect();
        try {
          return (await c.query(statement)).rows;
        } finally {
          await c.end();
        }
      },
    },
  ];
}
