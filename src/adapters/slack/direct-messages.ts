import type { webApi } from '@slack/bolt';
import type { DirectMessages } from '../../core/direct-messages.js';
import { PermanentPublishError } from '../../core/errors.js';
import { toPublishError } from './publish-errors.js';

export interface SlackDirectMessagesOptions {
  /** With OAuth installs: the bot token of the workspace's installation (the client has none). */
  tokenForWorkspace?: (workspaceId: string) => Promise<string | undefined>;
  /** Records which installation reaches the opened DM, so the publisher finds its token when posting there. */
  remember?: (channelId: string, installationId: string) => Promise<void>;
}

/**
 * Opens a member's DM with the bot (`conversations.open`, with the workspace's token when installs
 * are per workspace). Slack answers with the same D… channel each time. A member the bot cannot
 * message (`cannot_dm_bot`, `user_not_found`, …) is a permanent failure: the engine pauses the digest.
 */
export function createSlackDirectMessages(client: Pick<webApi.WebClient, 'conversations'>, opts: SlackDirectMessagesOptions = {}): DirectMessages {
  return {
    async openDirectMessage(workspaceId, userId) {
      const token = opts.tokenForWorkspace ? await opts.tokenForWorkspace(workspaceId) : undefined;
      if (opts.tokenForWorkspace && !token) throw new PermanentPublishError(`slack: no installation for workspace ${workspaceId} (uninstalled?)`);
      let channel: string | undefined;
      try {
        channel = (await client.conversations.open({ users: userId, ...(token ? { token } : {}) })).channel?.id;
      } catch (err) {
        throw toPublishError(err);
      }
      if (!channel) throw new PermanentPublishError(`slack: conversations.open gave no channel for ${userId}`);
      await opts.remember?.(channel, workspaceId);
      return channel;
    },
  };
}
