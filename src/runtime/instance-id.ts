import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Names this process in digest-run claims and leases: host, pid and a random part (pids are reused). */
export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/**
 * True when `id` (from newInstanceId) names a process of this machine that no longer runs. Another
 * machine's process cannot be checked from here: false, and its lease runs out by itself.
 */
export function isGoneInstance(id: string, host = hostname()): boolean {
  const [h, pid] = id.split(':');
  if (h !== host || !pid || !/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    // EPERM: it runs, under another user.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
