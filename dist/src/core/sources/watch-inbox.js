import fs from "node:fs";
import path from "node:path";
const IGNORED = /^\.|\.(tmp|part|crdownload|swp)$|~$/;
function freeName(dir, name) {
  if (!fs.existsSync(path.join(dir, name))) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = `${stem}.${i}${ext}`;
    if (!fs.existsSync(path.join(dir, candidate))) return candidate;
  }
}
function watchInbox(o) {
  const log = o.logger.child({ source: "inbox", dir: o.dir });
  const processedDir = path.join(o.dir, "processed");
  const failedDir = path.join(o.dir, "failed");
  for (const d of [o.dir, processedDir, failedDir]) fs.mkdirSync(d, { recursive: true });
  let scanning;
  let again = false;
  function move(file, toDir) {
    const name = freeName(toDir, path.basename(file));
    fs.renameSync(file, path.join(toDir, name));
    return name;
  }
  async function scanOnce() {
    const report = { processed: [], failed: [] };
    const settle = o.settleMs ?? 2e3;
    for (const name of fs.readdirSync(o.dir).sort()) {
      if (IGNORED.test(name)) continue;
      const file = path.join(o.dir, name);
      let st;
      try {
        st = fs.statSync(file);
      } catch {
        continue;
      }
      if (!st.isFile() || settle > 0 && Date.now() - st.mtimeMs < settle) continue;
      let reason;
      try {
        const r = await o.ingest.ingestFile(file);
        if (r.ok) log.info({ file: name, papers: r.papers, new: r.counts.new, digestDate: r.digestDate }, "inbox file ingested");
        else reason = r.error;
      } catch (err) {
        reason = err instanceof Error ? err.message : String(err);
      }
      try {
        if (reason === void 0) {
          move(file, processedDir);
          report.processed.push(name);
        } else {
          const moved = move(file, failedDir);
          fs.writeFileSync(path.join(failedDir, `${moved}.reason.txt`), `${reason}
`);
          report.failed.push({ file: name, reason });
          log.error({ file: name, reason }, "inbox file could not be ingested; moved to failed/");
        }
      } catch (err) {
        log.error({ file: name, err }, "inbox file could not be moved");
      }
    }
    return report;
  }
  function scan() {
    if (scanning) {
      again = true;
      return scanning;
    }
    scanning = scanOnce().finally(() => {
      scanning = void 0;
      if (again) {
        again = false;
        void scan();
      }
    });
    return scanning;
  }
  const timer = (o.pollMs ?? 5e3) > 0 ? setInterval(() => void scan(), o.pollMs ?? 5e3) : void 0;
  timer?.unref();
  let watcher;
  if (o.watch ?? true) {
    try {
      watcher = fs.watch(o.dir, () => void scan());
      watcher.on("error", () => watcher?.close());
      watcher.unref();
    } catch {
    }
  }
  return {
    scan,
    close() {
      if (timer) clearInterval(timer);
      watcher?.close();
    }
  };
}
export {
  watchInbox
};
//# sourceMappingURL=watch-inbox.js.map
