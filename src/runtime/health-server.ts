import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** One thing /healthz checks: undefined when fine, else why not. */
export type HealthCheck = () => string | undefined | Promise<string | undefined>;

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

/**
 * GET /healthz: 200 "ok" when every check passes, 503 with one line per failing check otherwise
 * (for a load balancer, a container HEALTHCHECK or a human). GET /metrics: Prometheus text format.
 * Listens on every interface: a scraper usually runs on another host or container.
 */
export async function startHealthServer(port: number, registry: Registry, checks: Record<string, HealthCheck>): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/healthz') {
      void Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          const problem = await Promise.resolve().then(check).catch((err: unknown) => (err instanceof Error ? err.message : String(err)));
          return problem ? `${name}: ${problem}` : undefined;
        }),
      ).then((results) => {
        const failing = results.filter(Boolean);
        res.writeHead(failing.length ? 503 : 200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(failing.length ? `${failing.join('\n')}\n` : 'ok\n');
      });
      return;
    }
    if (path === '/metrics') {
      registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${(err as Error).message}\n`),
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
