import http from "node:http";
async function startHealthServer(port, registry, checks) {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/healthz") {
      void Promise.all(
        Object.entries(checks).map(async ([name, check]) => {
          const problem = await Promise.resolve().then(check).catch((err) => err instanceof Error ? err.message : String(err));
          return problem ? `${name}: ${problem}` : void 0;
        })
      ).then((results) => {
        const failing = results.filter(Boolean);
        res.writeHead(failing.length ? 503 : 200, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        res.end(failing.length ? `${failing.join("\n")}
` : "ok\n");
      });
      return;
    }
    if (path === "/metrics") {
      registry.metrics().then(
        (text) => res.writeHead(200, { "content-type": registry.contentType }).end(text),
        (err) => res.writeHead(500, { "content-type": "text/plain" }).end(`metrics failed: ${err.message}
`)
      );
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found: try /healthz or /metrics\n");
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve());
  });
  return {
    port: server.address().port,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    })
  };
}
export {
  startHealthServer
};
//# sourceMappingURL=health-server.js.map
