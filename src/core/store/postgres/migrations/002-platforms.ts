import { installations009 } from '../../sqlite/migrations/009-installations.js';
import type { PgMigration } from './index.js';

/** SQLite's 009 as it is: its statements are plain SQL that PostgreSQL runs unchanged. */
export const platforms002: PgMigration = { version: 2, name: installations009.name, sql: installations009.sql };
