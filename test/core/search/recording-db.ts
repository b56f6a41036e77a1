import type { SearchDb } from '../../../src/core/search/search-db.js';

/** The database as a ranker sees it, every SQL it prepares recorded (in `prepared`). */
export function recordingPrepares(db: SearchDb): { db: SearchDb; prepared: string[] } {
  const prepared: string[] = [];
  const recording = new Proxy(db, {
    get(target, key) {
      const v = Reflect.get(target, key) as unknown;
      if (key === 'prepare') return (sql: string) => (prepared.push(sql), target.prepare(sql));
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { db: recording, prepared };
}
