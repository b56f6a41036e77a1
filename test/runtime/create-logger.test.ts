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
  it('config shapes, HTTP errors with their request headers, nested secrets', () => {
    const { lines, stream } = capture();
    const logger = createLogger('info', stream);
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
    expect(out).toContain('"msg":"slack api failed"');
    expect(out).toContain('"message":"HTTP 500"');
  });
});
