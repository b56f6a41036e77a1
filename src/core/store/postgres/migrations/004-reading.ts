import { reading008 } from '../../sqlite/migrations/008-reading.js';
import type { PgMigration } from './index.js';

/** SQLite's 008 as it is: TL;DR columns and the reading tables, plain SQL that PostgreSQL runs unchanged. */
export const reading004: PgMigration = { version: 4, name: reading008.name, sql: reading008.sql };
