import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh schema on the server at `base`, as a connection string whose search_path points at it. */
export async function freshSchema(base: string): Promise<string> {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
