import { createFakeClock } from '../../../src/core/clock.js';
import { paperId } from '../../../src/core/paper-id.js';
import { readingStoreContract } from '../reading/reading-store-contract.js';
import { useBackends } from './backends.js';

// The same contract on both storage backends (SQLite, and the test PostgreSQL server).
for (const backend of useBackends()) {
  readingStoreContract(backend.name, async () => {
    const clock = createFakeClock('2026-05-01T10:00:00.000Z');
    const storage = await backend.open({ clock });
    await storage.papers.ingest({
      source: 'hf-api',
      papers: ['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => ({ ...blank(id), id })),
    });
    return {
      reading: storage.reading,
      bookmarks: storage.bookmarks,
      clock,
      // useBackends closes every storage it opened after each test.
      close: async () => undefined,
    };
  });
}

function blank(title: string) {
  return { id: paperId(undefined, title), title, abstract: 'A.', authors: [], links: [], keywords: [], categories: [], source: 'hf-api' as const, flags: [] };
}
