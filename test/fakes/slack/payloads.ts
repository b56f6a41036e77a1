import { FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './fake-slack.js';

/** Request bodies shaped exactly as Slack sends them (field names and nesting from Slack's docs and real captures). */

let triggerCounter = 0;
/** Slack gives every interaction its own trigger_id (the de-duplication key for interactions). */
const nextTriggerId = (suffix: string) => `${++triggerCounter}.456.${suffix}`;

export interface Who {
  userId?: string;
  channelId?: string;
  teamId?: string;
}

/** The fields of a slash-command POST (form-encoded over HTTP; an object in a Socket Mode envelope). */
export function slashCommandFields(text: string, responseUrl: string, who: Who = {}): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: who.teamId ?? FAKE_TEAM_ID,
    team_domain: 'fake',
    channel_id: who.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: who.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: '/papers',
    text,
    api_app_id: 'A0FAKE',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: nextTriggerId('abc'),
  };
}

export function slashCommandBody(text: string, responseUrl: string, who: Who = {}): string {
  return new URLSearchParams(slashCommandFields(text, responseUrl, who)).toString();
}

export interface ButtonClick {
  actionId: string;
  value: string;
  responseUrl: string;
  /** Set for a click on a channel message; undefined for an ephemeral one (Slack sends no `message`). */
  messageTs?: string;
}

/** A block_actions payload object. */
export function blockActionsPayload(click: ButtonClick, who: Who = {}): Record<string, unknown> {
  const channelId = who.channelId ?? 'C0GENERAL';
  const teamId = who.teamId ?? FAKE_TEAM_ID;
  return {
    type: 'block_actions',
    user: { id: who.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: teamId },
    api_app_id: 'A0FAKE',
    token: 'verification-token-unused',
    container: click.messageTs
      ? { type: 'message', message_ts: click.messageTs, channel_id: channelId, is_ephemeral: false }
      : { type: 'message', message_ts: '1700000000.999999', channel_id: channelId, is_ephemeral: true },
    trigger_id: nextTriggerId('def'),
    team: { id: teamId, domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: 'general' },
    ...(click.messageTs ? { message: { type: 'message', user: FAKE_BOT_USER_ID, ts: click.messageTs, text: 'a paper' } } : {}),
    state: { values: {} },
    response_url: click.responseUrl,
    actions: [
      {
        action_id: click.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Click', emoji: true },
        value: click.value,
        type: 'button',
        action_ts: '1700000001.000000',
      },
    ],
  };
}

/** Interactivity posts are form-encoded with the JSON in a single `payload` field. */
export function blockActionsBody(click: ButtonClick, who: Who = {}): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionsPayload(click, who)) }).toString();
}

let eventCounter = 0;

/** An Events API `event_callback` envelope around `event`. */
export function eventCallback(event: Record<string, unknown>, who: Who = {}): Record<string, unknown> {
  eventCounter += 1;
  return {
    token: 'verification-token-unused',
    team_id: who.teamId ?? FAKE_TEAM_ID,
    api_app_id: 'A0FAKE',
    event: { event_ts: '1700000002.000000', ...event },
    type: 'event_callback',
    event_id: `Ev${eventCounter}`,
    event_time: 1700000002,
    authorizations: [{ enterprise_id: null, team_id: who.teamId ?? FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function reactionEvent(added: boolean, reaction: string, messageTs: string, who: Who = {}): Record<string, unknown> {
  return eventCallback(
    {
      type: added ? 'reaction_added' : 'reaction_removed',
      user: who.userId ?? 'U0ALICE',
      reaction,
      item_user: FAKE_BOT_USER_ID,
      item: { type: 'message', channel: who.channelId ?? 'C0GENERAL', ts: messageTs },
    },
    who,
  );
}

/** `app_home_opened` as Slack sends it when a person opens the app's Home tab. */
export function appHomeOpenedEvent(who: Who = {}, tab: 'home' | 'messages' = 'home'): Record<string, unknown> {
  return eventCallback({ type: 'app_home_opened', user: who.userId ?? 'U0ALICE', channel: 'D0HOME', tab }, who);
}

/** A button click on the Home tab: a view container, no channel, no response_url (Slack sends none there). */
export function homeBlockActionsBody(actionId: string, value: string, who: Who = {}): string {
  const teamId = who.teamId ?? FAKE_TEAM_ID;
  const payload = {
    type: 'block_actions',
    user: { id: who.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: teamId },
    api_app_id: 'A0FAKE',
    token: 'verification-token-unused',
    container: { type: 'view', view_id: 'V0HOME' },
    trigger_id: '123.456.ghi',
    team: { id: teamId, domain: 'fake' },
    enterprise: null,
    is_enterprise_install: false,
    view: { id: 'V0HOME', type: 'home', blocks: [], state: { values: {} } },
    actions: [{ action_id: actionId, block_id: 'home_unread_0', text: { type: 'plain_text', text: 'Mark read', emoji: true }, value, type: 'button', action_ts: '1700000003.000000' }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
