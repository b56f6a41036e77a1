import { PermanentPublishError, RateLimitedError, TransientPublishError } from "../../core/errors.js";
const PERMANENT = /* @__PURE__ */ new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "account_inactive",
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "missing_scope",
  "no_permission",
  "restricted_action",
  "restricted_action_read_only_channel",
  "restricted_action_thread_only_channel",
  "restricted_action_non_threadable_channel",
  "ekm_access_denied",
  "team_access_not_granted",
  "org_login_required",
  "invalid_blocks",
  "msg_too_long",
  "too_many_attachments"
]);
const TRANSIENT = /* @__PURE__ */ new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout", "team_added_to_org"]);
function toPublishError(err) {
  if (err instanceof RateLimitedError || err instanceof TransientPublishError || err instanceof PermanentPublishError) return err;
  const e = err ?? {};
  const message = typeof e.message === "string" ? e.message : String(err);
  switch (e.code) {
    case "slack_webapi_rate_limited_error": {
      const sec = typeof e.retryAfter === "number" && e.retryAfter >= 0 ? e.retryAfter : 1;
      return new RateLimitedError(sec * 1e3, `slack rate limited: retry after ${sec} s`);
    }
    case "slack_webapi_http_error": {
      const status = typeof e.statusCode === "number" ? e.statusCode : 0;
      return status >= 500 || status === 408 ? new TransientPublishError(`slack HTTP ${status}`) : new PermanentPublishError(`slack HTTP ${status}`);
    }
    case "slack_webapi_request_error":
      return new TransientPublishError(`slack request failed: ${message}`);
    case "slack_webapi_platform_error": {
      const code = typeof e.data?.error === "string" ? e.data.error : "unknown_error";
      if (code === "ratelimited") return new RateLimitedError(1e3, "slack rate limited");
      if (TRANSIENT.has(code)) return new TransientPublishError(`slack: ${code}`);
      return new PermanentPublishError(PERMANENT.has(code) ? `slack: ${code}` : `slack: ${code} (unrecognised)`);
    }
    default:
      return new TransientPublishError(`slack: ${message}`);
  }
}
export {
  toPublishError
};
//# sourceMappingURL=publish-errors.js.map
