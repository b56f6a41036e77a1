import fs from 'node:fs';
import path from 'node:path';
import type { IngestService } from '../ingest-ports.js';
import type { Logger } from '../logger.js';

export interface InboxOptions {
  dir: string;
  ingest: IngestService;
  logger: Logger;
  /** Poll interval; 0 turns the timer off (scan() is then driven by the caller's tick). Default 5 s. */
  pollMs?: number;
  /** A file changed more recently than this may still be being written: left for the next scan (default 2 s). */
  settleMs?: number;
  /** Also react to fs.watch events (default true; polling remains the safety net). */
  watch?: boolean;
}

export interface InboxReport {
  processed: string[];
  failed: Array<{ file: string; reason: string }>;
}

// Partial downloads and editor temp files are not digests yet.
const IGNORED = /^\.|\.(tmp|part|crdownload|swp)$|~$/;

/** Names the file being read, so that a run that dies mid-file is known at the next start. A dot file: never ingested. */
export const PROCESSING_MARKER = '.processing.json';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function freeName(dir: string, name: string): string {
  if (!fs.existsSync(path.join(dir, name))) return name;
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  for (let i = 1; ; i++) {
    const candidate = `${stem}.${i}${ext}`;
    if (!fs.existsSync(path.join(dir, candidate))) return candidate;
  }
}

/**
 * Watches a folder: each file dropped there is ingested, then moved to `processed/`, or to `failed/`
 * with `<name>.reason.txt` beside it saying why. A bad file never stops the others.
 */
export function watchInbox(o: InboxOptions) {
  const log = o.logger.child({ source: 'inbox', dir: o.dir });
  const processedDir = path.join(o.dir, 'processed');
  const failedDir = path.join(o.dir, 'failed');
  for (const d of [o.dir, processedDir, failedDir]) fs.mkdirSync(d, { recursive: true });
  const marker = path.join(o.dir, PROCESSING_MARKER);
  // The marker is written here and renamed into place, so that it is never seen half written.
  const markerDraft = `${marker}.tmp`;
  recoverUnfinished();
  let scanning: Promise<InboxReport> | undefined;
  let again = false;

  function move(file: string, toDir: string): string {
    const name = freeName(toDir, path.basename(file));
    fs.renameSync(file, path.join(toDir, name));
    return name;
  }

  /**
   * A marker left by an earlier run names the file it was reading when it died (out of memory, a
   * kill): retrying that file on every start was a crash loop. It goes to failed/ with the reason.
   * A marker of another live process (a second bot on this inbox) is left alone.
   */
  function recoverUnfinished(): void {
    // A draft left by a run killed while writing it: that run had not started reading the file.
    fs.rmSync(markerDraft, { force: true });
    let m: { file?: unknown; pid?: unknown; startedAt?: unknown };
    try {
      m = JSON.parse(fs.readFileSync(marker, 'utf8')) as typeof m;
    } catch {
      fs.rmSync(marker, { force: true }); // none, or torn while being written: nothing to recover
      return;
    }
    if (typeof m.pid === 'number' && m.pid !== process.pid && isAlive(m.pid)) return;
    fs.rmSync(marker, { force: true });
    if (typeof m.file !== 'string' || m.file !== path.basename(m.file)) return;
    const file = path.join(o.dir, m.file);
    if (!fs.existsSync(file)) return;
    const reason = `${m.file}: processing did not finish (the bot stopped while reading it, started ${String(m.startedAt)}); not retried, so that it cannot stop the bot again. Check the file, then put it back in the inbox to try again.`;
    try {
      const moved = move(file, failedDir);
      fs.writeFileSync(path.join(failedDir, `${moved}.reason.txt`), `${reason}\n`);
      log.error({ file: m.file, reason }, 'inbox file whose processing never finished moved to failed/');
    } catch (err) {
      log.error({ file: m.file, err }, 'inbox file could not be moved');
    }
  }

  async function scanOnce(): Promise<InboxReport> {
    const report: InboxReport = { processed: [], failed: [] };
    const settle = o.settleMs ?? 2000;
    for (const name of fs.readdirSync(o.dir).sort()) {
      if (IGNORED.test(name)) continue;
      const file = path.join(o.dir, name);
      let st: fs.Stats;
      try {
        st = fs.statSync(file);
      } catch {
        continue; // gone meanwhile
      }
      if (!st.isFile() || (settle > 0 && Date.now() - st.mtimeMs < settle)) continue;
      let reason: string | undefined;
      // Written before reading and removed once the file is moved: if this process dies in between,
      // the next start finds it (recoverUnfinished). Whole or not at all: a kill between creating
      // the file and filling it left an empty marker, which the next start took for none and read
      // the file again.
      fs.writeFileSync(markerDraft, JSON.stringify({ file: name, pid: process.pid, startedAt: new Date().toISOString() }));
      fs.renameSync(markerDraft, marker);
      try {
        const r = await o.ingest.ingestFile(file);
        if (r.ok) log.info({ file: name, papers: r.papers, new: r.counts.new, digestDate: r.digestDate }, 'inbox file ingested');
        else reason = r.error;
      } catch (err) {
        reason = err instanceof Error ? err.message : String(err);
      }
      try {
        if (reason === undefined) {
          move(file, processedDir);
          report.processed.push(name);
        } else {
          const moved = move(file, failedDir);
          fs.writeFileSync(path.join(failedDir, `${moved}.reason.txt`), `${reason}\n`);
          report.failed.push({ file: name, reason });
          log.error({ file: name, reason }, 'inbox file could not be ingested; moved to failed/');
        }
      } catch (err) {
        log.error({ file: name, err }, 'inbox file could not be moved');
      }
      fs.rmSync(marker, { force: true });
    }
    return report;
  }

  function scan(): Promise<InboxReport> {
    if (scanning) {
      again = true;
      return scanning;
    }
    scanning = scanOnce().finally(() => {
      scanning = undefined;
      if (again) {
        again = false;
        void scan();
      }
    });
    return scanning;
  }

  const timer = (o.pollMs ?? 5000) > 0 ? setInterval(() => void scan(), o.pollMs ?? 5000) : undefined;
  timer?.unref();
  let watcher: fs.FSWatcher | undefined;
  if (o.watch ?? true) {
    try {
      watcher = fs.watch(o.dir, () => void scan());
      watcher.on('error', () => watcher?.close());
      watcher.unref();
    } catch {
      // Some filesystems (network mounts) have no watch support: polling covers them.
    }
  }

  return {
    scan,
    close() {
      if (timer) clearInterval(timer);
      watcher?.close();
    },
  };
}

export type Inbox = ReturnType<typeof watchInbox>;
