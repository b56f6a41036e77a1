import { UserError } from '../errors.js';
import { parseSubscriptionSettings, type SubscriptionSettings } from './subscription.js';

export const PERSONAL_USAGE = 'for-me subscribe --time 08:00 --tz Europe/Berlin [--days mon-fri] [--top 5]';

/** What a personal digest may set: when, and how many papers. Topics and sources belong to channels. */
const KEYS = new Set(['time', 'tz', 'timezone', 'days', 'top', 'limit']);

/** Validates `for-me subscribe`'s arguments with the channel digest's rules; UserError names what is wrong. */
export function parsePersonalSettings(raw: Record<string, unknown>): SubscriptionSettings {
  const given = Object.keys(raw).filter((k) => raw[k] !== undefined && raw[k] !== null && raw[k] !== '');
  const other = given.filter((k) => !KEYS.has(k));
  if (other.length) throw new UserError(`for-me subscribe takes --time, --tz, --days and --top, not ${other.map((k) => `--${k}`).join(', ')}`, PERSONAL_USAGE);
  try {
    return parseSubscriptionSettings(raw);
  } catch (err) {
    if (err instanceof UserError) throw new UserError(err.message, PERSONAL_USAGE);
    throw err;
  }
}
