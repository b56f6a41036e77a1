import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlatformStores } from '../../../src/core/store/platform-stores.js';
import { MAX_SEEN_KEY_LENGTH } from '../../../src/core/store/seen-events.js';

/** A backend under test: fresh empty stores, and a second handle on the same store (another instance). */
export interface PlatformStoresBackend {
  open(): Promise<{ stores: PlatformStores; another(): Promise<PlatformStores>; close(): Promise<void> }>;
}

const T0 = new Date('2026-01-05T10:00:00.000Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

/**
 * The contract every backend of the installation and seen-event stores passes (SQLite now,
 * PostgreSQL with the same tests later): call it from a backend's test file with its factory.
 */
export function platformStoresContract(name: string, backend: PlatformStoresBackend): void {
  describe(`${name}: platform stores contract`, () => contract(name, backend));
}

function contract(name: string, backend: PlatformStoresBackend): void {
  let h: Awaited<ReturnType<PlatformStoresBackend['open']>>;
  beforeEach(async () => {
    h = await backend.open();
  });
  afterEach(async () => {
    await h.close();
  });

  describe(`${name}: installation store`, () => {

    it('keeps an installation record exactly as given, replaces it on save, per platform', async () => {
      const s = h.stores.installations;
      expect(await s.get('slack', 'T1')).toBeUndefined();
      const record = JSON.stringify({ team: { id: 'T1', name: 'Lab “α” 🧪' }, bot: { token: 'xoxb-1', scopes: ['chat:write'] }, pad: 'x'.repeat(20_000) });
      await s.save('slack', 'T1', record, T0);
      expect(await s.get('slack', 'T1')).toBe(record);
      await s.save('slack', 'T1', '{"bot":{"token":"xoxb-2"}}', later(1000));
      expect(await s.get('slack', 'T1')).toBe('{"bot":{"token":"xoxb-2"}}');
      expect(await s.get('discord', 'T1')).toBeUndefined();
      await s.save('slack', 'T2', '{}', T0);
      expect(await s.count('slack')).toBe(2);
      expect(await s.count('discord')).toBe(0);
    });

    it('maps channels to installations, last writer wins, and forgets them with their installation only', async () => {
      const s = h.stores.installations;
      await s.save('slack', 'T1', '{}', T0);
      await s.save('slack', 'T2', '{}', T0);
      expect(await s.installationOfChannel('slack', 'C1')).toBeUndefined();
      await s.rememberChannel('slack', 'C1', 'T1', T0);
      await s.rememberChannel('slack', 'C2', 'T2', T0);
      await s.rememberChannel('slack', 'C1', 'T1', later(5)); // again: no error, no change
      expect(await s.installationOfChannel('slack', 'C1')).toBe('T1');
      // A channel shared between two workspaces (Slack Connect): either token reaches it.
      await s.rememberChannel('slack', 'C3', 'T1', T0);
      await s.rememberChannel('slack', 'C3', 'T2', later(10));
      expect(await s.installationOfChannel('slack', 'C3')).toBe('T2');
      expect(await s.installationOfChannel('discord', 'C1')).toBeUndefined();

      expect(await s.delete('slack', 'T1')).toBe(true);
      expect(await s.delete('slack', 'T1')).toBe(false);
      expect(await s.get('slack', 'T1')).toBeUndefined();
      expect(await s.installationOfChannel('slack', 'C1')).toBeUndefined();
      expect(await s.installationOfChannel('slack', 'C2')).toBe('T2');
      expect(await s.installationOfChannel('slack', 'C3')).toBe('T2');
      expect(await s.count('slack')).toBe(1);
    });

    it('an installation saved through one instance is read by another', async () => {
      await h.stores.installations.save('slack', 'T9', '{"n":9}', T0);
      await h.stores.installations.rememberChannel('slack', 'C9', 'T9', T0);
      const other = await h.another();
      expect(await other.installations.get('slack', 'T9')).toBe('{"n":9}');
      expect(await other.installations.installationOfChannel('slack', 'C9')).toBe('T9');
    });
  });

  describe(`${name}: seen-event store`, () => {

    it('says first once per key', async () => {
      const s = h.stores.seenEvents;
      expect(await s.firstSeen('slack:event:Ev1', T0)).toBe(true);
      expect(await s.firstSeen('slack:event:Ev1', later(60_000))).toBe(false);
      expect(await s.firstSeen('slack:event:Ev2', T0)).toBe(true);
      expect(await s.firstSeen('slack:interaction:Ev1', T0)).toBe(true);
    });

    it('forgets keys seen before a time, and only those', async () => {
      const s = h.stores.seenEvents;
      await s.firstSeen('old', T0);
      await s.firstSeen('new', later(3600_000));
      expect(await s.forgetBefore(later(1000))).toBe(1);
      expect(await s.forgetBefore(later(1000))).toBe(0);
      expect(await s.firstSeen('new', later(3600_001))).toBe(false);
      expect(await s.firstSeen('old', later(3600_002))).toBe(true);
    });

    it('refuses an empty or oversized key without storing anything', async () => {
      const s = h.stores.seenEvents;
      await expect(s.firstSeen('', T0)).rejects.toThrow(RangeError);
      await expect(s.firstSeen('k'.repeat(MAX_SEEN_KEY_LENGTH + 1), T0)).rejects.toThrow(RangeError);
      expect(await s.firstSeen('k'.repeat(MAX_SEEN_KEY_LENGTH), T0)).toBe(true);
      expect(await s.forgetBefore(later(1))).toBe(1);
    });

    it('two instances racing on the same keys: each key is first for exactly one of them', async () => {
      const a = h.stores.seenEvents;
      const b = (await h.another()).seenEvents;
      const keys = Array.from({ length: 60 }, (_, i) => `slack:event:Race${i}`);
      const results = await Promise.all(keys.flatMap((k) => [a.firstSeen(k, T0), b.firstSeen(k, T0)]));
      for (let i = 0; i < keys.length; i++) expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
    });
  });
}
