import type { InstallationStore } from '../installations.js';
import type { SeenEventStore } from '../seen-events.js';
import { createSqliteInstallationStore } from './installation-store.js';
import type { Db } from './open.js';
import { createSqliteSeenEventStore } from './seen-event-store.js';

/** What the platform adapters keep in the shared store (migration 009). */
export interface PlatformStores {
  installations: InstallationStore;
  seenEvents: SeenEventStore;
}

/** The one place these are built on a SQLite handle (openStorage() takes this over). */
export function createSqlitePlatformStores(db: Db): PlatformStores {
  return { installations: createSqliteInstallationStore(db), seenEvents: createSqliteSeenEventStore(db) };
}
