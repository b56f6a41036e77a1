import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { paper, searchEnv } from './search-env.js';

const tempDir = useTempDirs();
let env: Awaited<ReturnType<typeof searchEnv>>;
afterEach(async () => env?.close());

describe('the index catch-up reports its progress', () => {
  it('after each batch, rising to the whole count; nothing when there is nothing to index', async () => {
    // One paper indexed already: this catch-up is an incremental one (a build from empty writes
    // 10,000-paper batches, see index-sync.ts).
    env = await searchEnv(tempDir(), [paper({ id: '2312.00001', title: 'Paper before on topic 0' })]);
    // More than one 2,000-paper batch, so progress is heard before the end.
    const papers = Array.from({ length: 4500 }, (_, i) => paper({ id: `2401.${String(i).padStart(5, '0')}`, title: `Paper ${i} on topic ${i % 7}` }));
    await env.store.ingest({ source: 'hf-api', papers });
    const heard: Array<[number, number]> = [];
    await env.search.sync((done, total) => heard.push([done, total]));
    expect(heard.length).toBe(3);
    const total = heard[0]![1];
    expect(total).toBeGreaterThanOrEqual(4500);
    expect(heard.every(([, t]) => t === total)).toBe(true);
    const done = heard.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done[done.length - 1]).toBe(total);
    const again: unknown[] = [];
    await env.search.sync(() => again.push(1));
    expect(again).toEqual([]);
    expect((await env.search.search({ text: 'topic', limit: 1 })).total).toBe(4501);
  });
});
