import { addDays, isoDate, localParts } from "../digest/local-time.js";
import { backoffMs } from "./backoff.js";
import { fetchLimited, FetchFailure } from "./fetch-limited.js";
function createHfDailySource(o) {
  const tz = o.timeZone ?? "America/New_York";
  const [fh, fm] = (o.fetchTime ?? "21:30").split(":").map(Number);
  const pageSize = o.pageSize ?? 100;
  const limits = { timeoutMs: o.timeoutMs ?? 2e4, maxBytes: o.maxBytes ?? 20 * 1024 * 1024, fetch: o.fetch };
  const log = o.logger.child({ source: "hf-daily" });
  const done = /* @__PURE__ */ new Set();
  const state = /* @__PURE__ */ new Map();
  let running;
  function latestClosed(now) {
    const p = localParts(now.getTime(), tz);
    const closed = p.hour > fh || p.hour === fh && p.minute >= fm;
    return isoDate(closed ? p : addDays(p, -1));
  }
  const pageUrl = (date, page) => `${o.apiUrl.replace(/\/$/, "")}/api/daily_papers?date=${date}&limit=${pageSize}&p=${page}`;
  async function get(url) {
    const attempts = o.attempts ?? 3;
    for (let i = 1; ; i++) {
      try {
        const r = await fetchLimited(url, limits);
        if ((r.status >= 500 || r.status === 429) && i < attempts) throw new FetchFailure(`${url}: HTTP ${r.status}`, "status", true, r.status);
        return r;
      } catch (err) {
        if (!(err instanceof FetchFailure) || !err.retry || i >= attempts) throw err;
        const wait = backoffMs(i, o.retryBaseMs ?? 2e3, 6e4);
        log.warn({ url, err: err.message, attempt: i, waitMs: wait }, "fetch failed; retrying");
        await o.clock.sleep(wait);
      }
    }
  }
  async function fetchDay(date) {
    const items = [];
    const seen = /* @__PURE__ */ new Set();
    for (let page = 0; page < (o.maxPages ?? 20); page++) {
      const url = pageUrl(date, page);
      const r = await get(url);
      if (r.status === 400 || r.status === 404) return page === 0 ? { outcome: "not-ready" } : { outcome: "failed", reason: `${url}: HTTP ${r.status} on page ${page}` };
      if (r.status !== 200) return { outcome: "failed", reason: `${url}: HTTP ${r.status}` };
      let list;
      try {
        const parsed = JSON.parse(r.body.toString("utf8"));
        const data = Array.isArray(parsed) ? parsed : parsed.data;
        if (!Array.isArray(data)) throw new Error("expected a JSON list of papers");
        list = data;
      } catch (err) {
        return { outcome: "failed", reason: `${url}: malformed body (${err.message})` };
      }
      const fresh = list.filter((item) => {
        const id = JSON.stringify(item?.paper?.id ?? item);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
      items.push(...fresh);
      if (list.length < pageSize || fresh.length === 0) break;
    }
    if (!items.length) return { outcome: "empty" };
    const res = await o.ingest.ingestBuffer(Buffer.from(JSON.stringify(items)), { origin: pageUrl(date, 0), format: "hf-api", date });
    if (!res.ok) return { outcome: "failed", reason: res.error };
    log.info({ date, papers: res.papers, new: res.counts.new }, "hf daily papers ingested");
    return { outcome: "ingested" };
  }
  async function run(now) {
    const out = {};
    const last = latestClosed(now);
    const lookback = o.lookbackDays ?? 3;
    const lastParts = { year: +last.slice(0, 4), month: +last.slice(5, 7), day: +last.slice(8, 10) };
    for (let i = lookback - 1; i >= 0; i--) {
      const date = isoDate(addDays(lastParts, -i));
      if (done.has(date)) continue;
      const st = state.get(date) ?? { failures: 0, nextAt: 0 };
      if (now.getTime() < st.nextAt) {
        out[date] = "waiting";
        continue;
      }
      let r;
      try {
        r = await fetchDay(date);
      } catch (err) {
        r = { outcome: "failed", reason: err instanceof Error ? err.message : String(err) };
      }
      out[date] = r.outcome;
      if (r.outcome === "ingested" || r.outcome === "empty") {
        done.add(date);
        state.delete(date);
        if (r.outcome === "empty") log.info({ date }, "hf daily papers: empty day");
      } else if (r.outcome === "not-ready") {
        state.set(date, { failures: st.failures, nextAt: now.getTime() + (o.notReadyDelayMs ?? 30 * 6e4) });
        log.info({ date }, "hf daily papers not published yet; will try later");
      } else {
        const failures = st.failures + 1;
        state.set(date, { failures, nextAt: now.getTime() + backoffMs(failures, 5 * 6e4, 2 * 36e5) });
        log.error({ date, reason: r.reason, failures }, "hf daily papers fetch failed; will retry");
      }
    }
    for (const d of done) if (d < isoDate(addDays(lastParts, -lookback - 7))) done.delete(d);
    return out;
  }
  return {
    latestClosed,
    /** Fetches every closed, not yet fetched day in the window whose retry time has come. */
    tick(now = o.clock.now()) {
      if (running) return running.then(() => ({}));
      running = run(now).finally(() => running = void 0);
      return running;
    }
  };
}
export {
  createHfDailySource
};
//# sourceMappingURL=hf-daily-source.js.map
