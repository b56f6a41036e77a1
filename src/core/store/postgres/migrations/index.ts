import { schema001 } from './001-schema.js';
import { platforms002 } from './002-platforms.js';
import { readerFeedback003 } from './003-reader-feedback.js';
import { reading004 } from './004-reading.js';

/** One schema step, applied in its own transaction and recorded in schema_migrations. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** Every PostgreSQL migration ever shipped, in order. Never edit a shipped one: append a new version. */
export const pgMigrations: PgMigration[] = [schema001, platforms002, readerFeedback003, reading004];
