import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, type Bot } from '../../../src/bot.js';
import { createFakeClock } from '../../../src/core/clock.js';

/** The hf-daily slice (2025-07-28..2025-08-29) the trends tests draw from. */
export const HF_FIXTURES = join(process.cwd(), 'test', 'fixtures', 'hf-daily');
/** The last digest day of the slice: "this week" is 2025-08-23..2025-08-29. */
export const LAST_DAY = '2025-08-29';

/** A bot in a temp dir with the slice ingested; the clock stands on the slice's last Friday. */
export async function trendsBot(clockAt = '2025-08-29T18:00:00Z'): Promise<{ bot: Bot; clock: ReturnType<typeof createFakeClock>; dir: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'papers-trends-'));
  const clock = createFakeClock(clockAt);
  const bot = await createBot({ dataDir: join(dir, 'data'), clock });
  for (const f of readdirSync(HF_FIXTURES).filter((n) => n.endsWith('.json')).sort()) {
    const out = await bot.ingest.ingestFile(join(HF_FIXTURES, f));
    if (!out.ok) throw new Error(`fixture ${f} not ingested: ${out.error}`);
  }
  return {
    bot,
    clock,
    dir,
    async close() {
      await bot.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
