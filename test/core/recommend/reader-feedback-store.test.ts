import { createFakeClock } from '../../../src/core/clock.js';
import { useBackends } from '../store/backends.js';
import { readerFeedbackContract } from './reader-feedback-contract.js';

// The same contract on both storage backends (SQLite, and the test PostgreSQL server).
for (const backend of useBackends()) {
  readerFeedbackContract(backend.name, async () => {
    const clock = createFakeClock('2025-01-01T00:00:00Z');
    const storage = await backend.open({ clock });
    await storage.papers.ingest({
      source: 'arxiv-jsonl',
      papers: [1, 2, 3].map((n) => ({ id: `2401.0000${n}`, title: `Paper ${n}`, abstract: '', authors: [], links: [], keywords: [], categories: [], source: 'arxiv-jsonl' as const, flags: [] })),
    });
    return {
      store: storage.feedback,
      tick: () => clock.advance(1000),
      // useBackends closes every storage it opened after each test.
      close: async () => undefined,
    };
  });
}
