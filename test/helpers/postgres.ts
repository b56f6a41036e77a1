import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';

/**
 * A fresh, empty schema on the test PostgreSQL server per call (test/setup/postgres-server.ts),
 * as a connection string whose search_path points at it; every schema made by a file is dropped
 * after the file's tests.
 */
export function usePostgresSchemas(): () => Promise<string> {
  const made: string[] = [];
  afterAll(async () => {
    if (!made.length) return;
    const c = new pg.Client({ connectionString: inject('postgresUrl') });
    await c.connect();
    try {
      for (const s of made) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    } finally {
      await c.end();
    }
  });
  return async () => {
    const base = inject('postgresUrl');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await c.end();
    }
    made.push(schema);
    const url = new URL(base);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return url.toString();
  };
}
