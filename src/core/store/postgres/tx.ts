import type pg from 'pg';

/** A connection inside a transaction (or the pool itself for single statements). */
export type Queryable = Pick<pg.PoolClient, 'query'>;

/** Runs `fn` in one transaction on one pooled connection: committed if it returns, rolled back if it throws. */
export async function withTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const out = await fn(c);
    await c.query('COMMIT');
    return out;
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    c.release();
  }
}

/** Transaction-level advisory lock keys (released at COMMIT/ROLLBACK, so safe behind a transaction pooler). */
export const LOCK_KEYS = { migrate: 7_301_001, ingest: 7_301_002 } as const;

/**
 * Moves another table's references from one paper id to another inside the re-keying transaction.
 * `keyColumns` are the table's other unique columns: a row whose target already exists is dropped
 * (the arXiv paper may already sit in the same bookmark list or digest).
 */
export async function movePaperReferences(c: Queryable, table: string, keyColumns: string[], fromId: string, toId: string): Promise<void> {
  const same = keyColumns.map((k) => `o.${k} = t.${k}`).join(' AND ');
  const clash = keyColumns.length ? ` AND NOT EXISTS (SELECT 1 FROM ${table} o WHERE ${same} AND o.paper_id = $1)` : '';
  await c.query(`UPDATE ${table} t SET paper_id = $1 WHERE paper_id = $2${clash}`, [toId, fromId]);
  await c.query(`DELETE FROM ${table} WHERE paper_id = $1`, [fromId]);
}
