import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function terminal(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean };
  s.isTTY = isTTY;
  let text = '';
  s.on('data', (b: Buffer) => (text += b.toString()));
  return { s, text: () => text };
}

describe('the CLI progress bar', () => {
  it('set() draws the share done of a count given as it goes', async () => {
    const t = terminal(true);
    const bar = createProgress(0, t.s);
    bar.set(250, 1000, 'papers indexed for search');
    bar.set(1000, 1000, 'papers indexed for search');
    bar.end();
    await new Promise((r) => setImmediate(r));
    expect(t.text()).toContain(`[${'#'.repeat(8)}${'.'.repeat(22)}] 250/1000 papers indexed for search`);
    expect(t.text()).toContain(`[${'#'.repeat(30)}] 1000/1000`);
  });

  it('writes nothing when stderr is not a terminal', async () => {
    const t = terminal(false);
    const bar = createProgress(0, t.s);
    bar.set(1, 2, 'x');
    bar.end();
    await new Promise((r) => setImmediate(r));
    expect(t.text()).toBe('');
  });
});
