import type { Migration } from '../../sqlite/migrations/index.js';
import { readerFeedback006 } from '../../sqlite/migrations/006-reader-feedback.js';
import { reading008 } from '../../sqlite/migrations/008-reading.js';
import { installations009 } from '../../sqlite/migrations/009-installations.js';
import { dmNotices011 } from '../../sqlite/migrations/011-dm-notices.js';
import { schema001 } from './001-schema.js';
import { trendTerms005 } from './005-trend-terms.js';
import { termDayCounts007 } from './007-term-day-counts.js';

/** One schema step, applied in its own transaction and recorded in schema_migrations. */
export interface PgMigration {
  version: number;
  name: string;
  sql: string;
}

/** A SQLite migration whose statements are plain SQL that PostgreSQL runs unchanged, under its own version. */
const fromSqlite = (version: number, m: Migration): PgMigration => ({ version, name: m.name, sql: m.sql });

/**
 * Every PostgreSQL migration ever shipped, in order. Never edit a shipped one: append a new version.
 * 001 SQLite's 001–003 and 005; 002 platforms (SQLite 009); 003 reader feedback (006); 004 TL;DRs and
 * the reading list (008); 005 trend terms per paper (SQLite 010, its own SQL: no WITHOUT ROWID); 006 personal digest notices (011);
 * 007 papers per trend term and digest day (SQLite 012, its own SQL: plpgsql triggers).
 */
export const pgMigrations: PgMigration[] = [schema001, fromSqlite(2, installations009), fromSqlite(3, readerFeedback006), fromSqlite(4, reading008), trendTerms005, fromSqlite(6, dmNotices011), termDayCounts007];
