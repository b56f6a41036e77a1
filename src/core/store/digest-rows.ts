import type { DigestRun, Platform, RunPlan, RunStatus, Subscription } from '../digest/digest-store.js';
import type { SubscriptionSettings } from '../digest/subscription.js';

/** A subscriptions row as both backends store it (settings and plans as JSON text). */
export interface SubRow {
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  settings: string;
  entry_cursor: number | null;
  paused_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface RunRow {
  id: number;
  platform: Platform;
  channel_id: string;
  slot: string;
  status: RunStatus;
  plan: string;
  entry_cursor: number | null;
  header_message_id: string | null;
  detail: string | null;
  created_at: string;
}

export const toSub = (r: SubRow): Subscription => ({
  platform: r.platform,
  workspaceId: r.workspace_id,
  channelId: r.channel_id,
  settings: JSON.parse(r.settings) as SubscriptionSettings,
  entryCursor: r.entry_cursor,
  pausedReason: r.paused_reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toRun = (r: RunRow): DigestRun => ({
  id: r.id,
  platform: r.platform,
  channelId: r.channel_id,
  slot: r.slot,
  status: r.status,
  plan: JSON.parse(r.plan) as RunPlan,
  entryCursor: r.entry_cursor,
  headerMessageId: r.header_message_id,
  detail: r.detail,
  createdAt: r.created_at,
});
