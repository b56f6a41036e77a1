/**
 * Deliveries already taken, shared by every instance: a platform that retries a delivery it thinks
 * was lost (Slack, within minutes, possibly to another instance) gets it acted on once.
 */
export interface SeenEventStore {
  /** Records `key`; true the first time any instance sharing the store saw it, false after. */
  firstSeen(key: string, at: Date): Promise<boolean>;
  /** Forgets keys first seen before `before`, so the table stays small; returns how many. */
  forgetBefore(before: Date): Promise<number>;
}

/** Keys longer than this are not remembered (ids from platforms are far shorter). */
export const MAX_SEEN_KEY_LENGTH = 200;
