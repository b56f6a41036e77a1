import type { InstallationStore } from './installations.js';
import type { SeenEventStore } from './seen-events.js';

/** What the platform adapters keep in the shared store (both backends: see Storage). */
export interface PlatformStores {
  installations: InstallationStore;
  seenEvents: SeenEventStore;
}
