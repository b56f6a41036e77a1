import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/runtime/create-logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('the bot logger redacts tokens and secrets wherever a logged object carries them', () => {
  it.each(['json', 'pretty'] as const)('config shapes, HTTP errors with their request headers, nested secrets (%s)', (format) => {
    const { lines, stream } = capture();
    const logger = createLogger('info', format, stream);
    const secrets = ['xoxb-SECRET-1', 'xapp-SECRET-2', 'signing-SECRET-3', 'discord-SECRET-4', 'Bearer SECRET-5', 'Bot SECRET-6', 'SECRET-7'];
    logger.info({ slack: { botToken: secrets[0], appToken: secrets[1], signingSecret: secrets[2] }, discord: { token: secrets[3] } }, 'config');
    logger.error({ err: { message: 'HTTP 500', config: { headers: { Authorization: secrets[4] } } } }, 'slack api failed');
    logger.warn({ request: { headers: { authorization: secrets[5] } }, token: secrets[6] }, 'request');
    logger.child({ module: 'x' }).info({ config: { discord: { token: secrets[3] } } }, 'child');
    const out = lines.join('');
    expect(lines).toHaveLength(4);
    for (const s of secrets) expect(out).not.toContain(s.replace(/^(Bearer|Bot) /, ''));
    expect(out.match(/\[redacted\]/g)?.length).toBe(8);
    // What is not secret stays readable.
    expect(out).toContain(format === 'json' ? '"msg":"slack api failed"' : 'ERROR: slack api failed');
    expect(out).toMatch(/"message": ?"HTTP 500"/);
  });
});

describe('the pretty format (the local chat mode on a terminal)', () => {
  it('one line a record: time, level, message, then its fields as JSON; below the level, nothing', () => {
    const { lines, stream } = capture();
    const logger = createLogger('warn', 'pretty', stream);
    logger.info({ file: 'quiet.txt' }, 'not shown');
    logger.error({ source: 'inbox', file: 'notes.txt', reason: 'notes.txt: unrecognized format' }, 'inbox file moved to failed/');
    logger.warn({ origin: 'hf-api', error: 'HTTP 503' }, 'fetch failed');
    expect(lines).toEqual([
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\] ERROR: inbox file moved to failed\/ \{"source":"inbox","file":"notes\.txt","reason":"notes\.txt: unrecognized format"\}\n$/),
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\] WARN: fetch failed \{"origin":"hf-api","error":"HTTP 503"\}\n$/),
    ]);
  });
});
