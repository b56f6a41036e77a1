import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TEST_DATA } from './test-data.js';

/** What the server does for one request; the default serves a file from the test data. */
export type Behaviour =
  | { status: number; body?: string }
  | { delayMs: number }
  /** Declares the full length, sends `bytes` of it, then drops the connection. */
  | { truncateAt: number }
  | { malformed: true }
  | { file: string };

export interface StaticServer {
  url: string;
  /** Every request path+query, in order. */
  requests: string[];
  /** The next `times` requests whose path+query starts with `prefix` get `b` (default: forever). */
  script(prefix: string, b: Behaviour, times?: number): void;
  /** Drops every script: back to serving the files. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A local stand-in for huggingface.co and rss.arxiv.org on 127.0.0.1 (port 0), serving the real
 * files of test/fixtures/data: /api/daily_papers?date=D[&limit=L&p=P] → hf-daily/D.json (400 when no
 * file, as HF does for an unpublished day; paged when limit is given), /rss/cs.LG →
 * arxiv-feeds/arxiv_cs_lg.xml, /files/<path> → that file.
 */
export async function startStaticServer(root = TEST_DATA): Promise<StaticServer> {
  const scripts: Array<{ prefix: string; b: Behaviour; left: number }> = [];
  const requests: string[] = [];
  const sockets = new Set<import('node:net').Socket>();

  function defaultBody(u: URL): { status: number; body: Buffer; type: string } {
    if (u.pathname === '/api/daily_papers') {
      const date = u.searchParams.get('date') ?? '';
      const file = path.join(root, 'hf-daily', `${date}.json`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !fs.existsSync(file)) return { status: 400, body: Buffer.from('{"error":"Invalid date"}'), type: 'application/json' };
      const all = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown[];
      const limit = Number(u.searchParams.get('limit') ?? all.length);
      const p = Number(u.searchParams.get('p') ?? 0);
      return { status: 200, body: Buffer.from(JSON.stringify(all.slice(p * limit, (p + 1) * limit))), type: 'application/json' };
    }
    const rss = /^\/rss\/(cs\.(AI|CL|LG))$/.exec(u.pathname);
    if (rss) return { status: 200, body: fs.readFileSync(path.join(root, 'arxiv-feeds', `arxiv_${rss[1]!.replace('.', '_').toLowerCase()}.xml`)), type: 'application/rss+xml' };
    if (u.pathname.startsWith('/files/')) {
      const file = path.join(root, decodeURIComponent(u.pathname.slice('/files/'.length)));
      if (file.startsWith(root) && fs.existsSync(file)) return { status: 200, body: fs.readFileSync(file), type: 'application/octet-stream' };
    }
    return { status: 404, body: Buffer.from('not found'), type: 'text/plain' };
  }

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const key = `${u.pathname}${u.search}`;
    requests.push(key);
    const s = scripts.find((x) => key.startsWith(x.prefix) && x.left > 0);
    if (s) s.left--;
    const b = s?.b;
    const send = (status: number, body: Buffer, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, 'content-length': body.length });
      res.end(body);
    };
    if (!b) {
      const d = defaultBody(u);
      return send(d.status, d.body, d.type);
    }
    if ('status' in b) return send(b.status, Buffer.from(b.body ?? `HTTP ${b.status}`), 'text/plain');
    if ('malformed' in b) return send(200, Buffer.from('[{"paper": {"id": "2506.0'), 'application/json');
    if ('file' in b) return send(200, fs.readFileSync(path.join(root, b.file)));
    if ('delayMs' in b) {
      const t = setTimeout(() => {
        const d = defaultBody(u);
        if (!res.destroyed) send(d.status, d.body, d.type);
      }, b.delayMs);
      res.on('close', () => clearTimeout(t));
      return;
    }
    const d = defaultBody(u);
    res.writeHead(200, { 'content-type': d.type, 'content-length': d.body.length });
    res.write(d.body.subarray(0, b.truncateAt), () => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(prefix, b, times = Infinity) {
      scripts.unshift({ prefix, b, left: times });
    },
    reset() {
      scripts.length = 0;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
