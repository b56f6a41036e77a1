/**
 * Named leases shared by every bot instance on one store: the live sources (Hugging Face, arXiv,
 * the inbox) run where the lease is held, so a day is fetched once. A lease, not a session lock:
 * it survives a transaction pooler and frees itself when its holder dies.
 */
export interface LockStore {
  /** Takes the lease (free or expired) or renews it (already ours) until `until`; false while another holder's lease runs. */
  acquire(name: string, holder: string, now: string, until: string): Promise<boolean>;
  /** Gives the lease back if we hold it (a clean shutdown), so another instance need not wait for it to expire. */
  release(name: string, holder: string): Promise<void>;
  /** Who holds the lease now (expired or not), if anyone. */
  holderOf(name: string): Promise<string | undefined>;
}
