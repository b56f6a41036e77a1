import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRecordingLogger } from '../../src/core/logger.js';
import { cronLogger, startMinuteTick } from '../../src/runtime/minute-tick.js';

afterEach(() => vi.restoreAllMocks());

describe('node-cron logs through our logger', () => {
  it('a missed execution (the event loop blocked past a tick) is a warn record, not a console.warn line', async () => {
    const warn = vi.spyOn(console, 'warn');
    const logger = createRecordingLogger();
    let runs = 0;
    // Every second, so blocking the loop for 2.5 s makes node-cron miss at least one execution.
    const task = startMinuteTick(() => runs++, logger, '* * * * * *');
    try {
      await new Promise((r) => setTimeout(r, 1100));
      const until = Date.now() + 2500;
      while (Date.now() < until) {
        // block the event loop, as a long synchronous job would
      }
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await task.stop();
    }
    const missed = logger.records.filter((r) => r.level === 'warn' && /missed execution/.test(r.msg ?? ''));
    expect(missed.length).toBeGreaterThanOrEqual(1);
    expect(missed[0]!.obj).toMatchObject({ module: 'cron' });
    expect(warn).not.toHaveBeenCalled();
    expect(runs).toBeGreaterThanOrEqual(1);
  });

  it('errors keep the error object', () => {
    const logger = createRecordingLogger();
    const err = new Error('boom');
    cronLogger(logger).error(err);
    cronLogger(logger).error('Task failed with error!', err);
    expect(logger.records.map((r) => [r.level, r.msg, (r.obj as { err?: Error }).err])).toEqual([
      ['error', 'boom', err],
      ['error', 'Task failed with error!', err],
    ]);
  });
});
