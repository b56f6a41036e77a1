import { Registry, Counter } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startHealthServer, type HealthServer } from '../../src/runtime/health-server.js';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the health and metrics endpoint', () => {
  it('/healthz is 503 naming every failing check, 200 once they pass; /metrics is Prometheus text; others 404', async () => {
    const registry = new Registry();
    new Counter({ name: 'x_total', help: 'x', registers: [registry] }).inc(3);
    let discord: string | undefined = 'not connected to the Discord gateway';
    server = await startHealthServer(0, registry, {
      store: async () => undefined,
      discord: () => discord,
      slack: () => {
        throw new Error('socket gone');
      },
    });
    const get = (p: string) => fetch(`http://127.0.0.1:${server!.port}${p}`).then(async (r) => ({ status: r.status, text: await r.text() }));
    expect(await get('/healthz')).toEqual({ status: 503, text: 'discord: not connected to the Discord gateway\nslack: socket gone\n' });
    discord = undefined;
    expect((await get('/healthz')).text).toBe('slack: socket gone\n');
    expect(await get('/metrics')).toEqual({ status: 200, text: expect.stringMatching(/^x_total 3$/m) });
    expect((await get('/nope')).status).toBe(404);
  });

  it('all checks passing: 200 ok', async () => {
    server = await startHealthServer(0, new Registry(), { store: () => undefined });
    const r = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect([r.status, await r.text()]).toEqual([200, 'ok\n']);
  });
});
