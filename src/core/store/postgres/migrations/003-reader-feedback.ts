import { readerFeedback006 } from '../../sqlite/migrations/006-reader-feedback.js';
import type { PgMigration } from './index.js';

/** SQLite's 006 as it is: its statements are plain SQL that PostgreSQL runs unchanged. */
export const readerFeedback003: PgMigration = { version: 3, name: readerFeedback006.name, sql: readerFeedback006.sql };
