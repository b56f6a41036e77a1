import fs from 'node:fs';
import os from 'node:os';
import { createFakeClock } from '../../../src/core/clock.js';
import { createRecordingLogger } from '../../../src/core/logger.js';
import { openCore } from '../../../src/core/open-core.js';
import { startStaticServer } from '../../helpers/static-server.js';

export async function sourcesSetup(start: string) {
  const dir = fs.mkdtempSync(os.tmpdir() + '/papers-');
  const clock = createFakeClock(start);
  const logger = createRecordingLogger();
  const core = await openCore({ dataDir: dir, now: () => clock.now() });
  const server = await startStaticServer();
  return {
    dir,
    clock,
    logger,
    core,
    server,
    errors: () => logger.records.filter((r) => r.level === 'error'),
    async close() {
      await server.close();
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
