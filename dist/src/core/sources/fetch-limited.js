class FetchFailure extends Error {
  constructor(message, kind, retry, status) {
    super(message);
    this.kind = kind;
    this.retry = retry;
    this.status = status;
  }
  kind;
  retry;
  status;
  name = "FetchFailure";
}
async function fetchLimited(url, limits) {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const f = limits.fetch ?? fetch;
  try {
    const res = await f(url, { signal, headers: { "user-agent": "papers-bot (+https://github.com/)", ...limits.headers }, redirect: "follow" });
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => void 0);
      throw new FetchFailure(`${url}: response of ${declared} bytes is over the ${limits.maxBytes}-byte limit`, "too-large", false);
    }
    const chunks = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (; ; ) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limits.maxBytes) {
          await reader.cancel().catch(() => void 0);
          throw new FetchFailure(`${url}: response is over the ${limits.maxBytes}-byte limit`, "too-large", false);
        }
        chunks.push(Buffer.from(value));
      }
    }
    return { status: res.status, headers: res.headers, body: Buffer.concat(chunks) };
  } catch (err) {
    if (err instanceof FetchFailure) throw err;
    if (signal.aborted) throw new FetchFailure(`${url}: no complete answer within ${limits.timeoutMs} ms`, "timeout", true);
    const cause = err instanceof Error ? err.cause?.message ?? err.message : String(err);
    throw new FetchFailure(`${url}: ${cause}`, "network", true);
  }
}
export {
  FetchFailure,
  fetchLimited
};
//# sourceMappingURL=fetch-limited.js.map
