import { localParts } from './local-time.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 2026-03-09 09:00 Europe/Berlin": how a slot is shown to the people of that channel. */
export function formatLocal(ms: number, tz: string): string {
  const p = localParts(ms, tz);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[p.weekday]} ${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} ${tz}`;
}
