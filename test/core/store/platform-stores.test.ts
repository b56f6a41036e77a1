import { describe, expect, it } from 'vitest';
import type { Storage } from '../../../src/core/store/storage.js';
import { useBackends } from './backends.js';
import { platformStoresContract } from './platform-stores.contract.js';

const backends = useBackends();
const stores = (s: Storage) => ({ installations: s.installations, seenEvents: s.seenEvents });

// The same contract on both backends; `another` is a second storage on the same data (another instance).
for (const backend of backends) {
  platformStoresContract(backend.name, {
    async open() {
      const s = await backend.open();
      return {
        stores: stores(s),
        another: async () => stores(await backend.reopen(s)),
        // useBackends closes every storage it opened after each test.
        close: async () => undefined,
      };
    },
  });
}

describe.each(backends)('$name: the platform tables', (backend) => {
  it('exist, empty, after the migrations', async () => {
    const s = await backend.open();
    expect(Number((await backend.sql(s, 'SELECT COUNT(*) AS n FROM installations'))[0]!.n)).toBe(0);
    expect(Number((await backend.sql(s, 'SELECT COUNT(*) AS n FROM installation_channels'))[0]!.n)).toBe(0);
    expect(Number((await backend.sql(s, 'SELECT COUNT(*) AS n FROM seen_events'))[0]!.n)).toBe(0);
  });
});
