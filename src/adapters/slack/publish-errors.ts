import { PermanentPublishError, RateLimitedError, TransientPublishError } from '../../core/errors.js';

/**
 * Sorts a @slack/web-api failure into the core's publish errors so the digest engine can pace,
 * retry or pause the channel. Matched on the SDK's `code` strings (stable across versions) rather
 * than on classes, so a second copy of @slack/web-api in node_modules cannot break `instanceof`.
 */

/** Slack platform errors that no retry fixes: the channel is gone or the bot may not post there. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'no_permission',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'team_access_not_granted',
  'org_login_required',
  'invalid_blocks',
  'msg_too_long',
  'too_many_attachments',
  // A member the bot cannot message directly (a personal digest): their digest is paused.
  'cannot_dm_bot',
  'user_not_found',
  'user_not_visible',
  'user_disabled',
  'messages_tab_disabled',
]);

/** Platform errors Slack documents as momentary. */
const TRANSIENT = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'team_added_to_org']);

interface SlackSdkError {
  code?: unknown;
  retryAfter?: unknown;
  statusCode?: unknown;
  data?: { error?: unknown };
  message?: unknown;
}

export function toPublishError(err: unknown): Error {
  if (err instanceof RateLimitedError || err instanceof TransientPublishError || err instanceof PermanentPublishError) return err;
  const e = (err ?? {}) as SlackSdkError;
  const message = typeof e.message === 'string' ? e.message : String(err);
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const sec = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : 1;
      return new RateLimitedError(sec * 1000, `slack rate limited: retry after ${sec} s`);
    }
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      // A 4xx other than 429 from the Web API means a proxy or URL is wrong: retrying will not help.
      return status >= 500 || status === 408 ? new TransientPublishError(`slack HTTP ${status}`) : new PermanentPublishError(`slack HTTP ${status}`);
    }
    case 'slack_webapi_request_error':
      return new TransientPublishError(`slack request failed: ${message}`);
    case 'slack_webapi_platform_error': {
      const code = typeof e.data?.error === 'string' ? e.data.error : 'unknown_error';
      if (code === 'ratelimited') return new RateLimitedError(1000, 'slack rate limited');
      if (TRANSIENT.has(code)) return new TransientPublishError(`slack: ${code}`);
      // Unknown platform errors are treated as permanent: pausing a channel is visible in the logs,
      // retrying an error that never clears would block the channel's digest forever.
      return new PermanentPublishError(PERMANENT.has(code) ? `slack: ${code}` : `slack: ${code} (unrecognised)`);
    }
    default:
      return new TransientPublishError(`slack: ${message}`);
  }
}
