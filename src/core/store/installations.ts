import type { Caller } from '../reply.js';

/** Which chat platform an installation or channel belongs to. */
export type InstallPlatform = Caller['platform'];

/**
 * App installations for a bot distributed to many workspaces (Slack OAuth), shared by every
 * instance. The record is the adapter's own (Bolt's Installation, as JSON text): the core stores it
 * and never reads it, so no platform type leaks in here.
 */
export interface InstallationStore {
  /** Saves or replaces the installation `installationId` (a team id, or an org id for org-wide installs). */
  save(platform: InstallPlatform, installationId: string, data: string, at: Date): Promise<void>;
  get(platform: InstallPlatform, installationId: string): Promise<string | undefined>;
  /** Forgets the installation and the channels remembered for it; false when there was none. */
  delete(platform: InstallPlatform, installationId: string): Promise<boolean>;
  count(platform: InstallPlatform): Promise<number>;
  /**
   * Remembers that `channelId` is reached through `installationId`. A scheduled digest names only
   * its channel; this is how any instance finds the workspace token to post it with.
   */
  rememberChannel(platform: InstallPlatform, channelId: string, installationId: string, at: Date): Promise<void>;
  installationOfChannel(platform: InstallPlatform, channelId: string): Promise<string | undefined>;
}
