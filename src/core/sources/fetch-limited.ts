/** Why a fetch gave no usable body. `retry` says whether trying again later may help. */
export class FetchFailure extends Error {
  override name = 'FetchFailure' as const;
  constructor(
    message: string,
    readonly kind: 'timeout' | 'too-large' | 'network' | 'status',
    readonly retry: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  /** Injected for tests; global fetch (Node 20) otherwise. */
  fetch?: typeof fetch;
}

export interface FetchedBody {
  status: number;
  headers: Headers;
  body: Buffer;
}

/**
 * GET with a bounded time (the whole exchange, body included) and a size cap. Any HTTP status is
 * returned as is; only the transport (timeout, reset, truncation, oversize) throws FetchFailure.
 */
export async function fetchLimited(url: string, limits: FetchLimits): Promise<FetchedBody> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const f = limits.fetch ?? fetch;
  try {
    const res = await f(url, { signal, headers: { 'user-agent': 'papers-bot (+https://github.com/)', ...limits.headers }, redirect: 'follow' });
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchFailure(`${url}: response of ${declared} bytes is over the ${limits.maxBytes}-byte limit`, 'too-large', false);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (res.body) {
      const reader = res.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limits.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw new FetchFailure(`${url}: response is over the ${limits.maxBytes}-byte limit`, 'too-large', false);
        }
        chunks.push(Buffer.from(value));
      }
    }
    return { status: res.status, headers: res.headers, body: Buffer.concat(chunks) };
  } catch (err) {
    if (err instanceof FetchFailure) throw err;
    if (signal.aborted) throw new FetchFailure(`${url}: no complete answer within ${limits.timeoutMs} ms`, 'timeout', true);
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    // A connection closed mid-body (truncated response) lands here too: worth another try later.
    throw new FetchFailure(`${url}: ${cause}`, 'network', true);
  }
}
