import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { ParseError } from "./errors.js";
const KB = 1024;
const MB = 1024 * 1024;
function exactSize(bytes) {
  if (bytes % MB === 0) return `${bytes / MB} MB`;
  if (bytes % KB === 0) return `${bytes / KB} KB`;
  return `${bytes} bytes`;
}
function sizeLimitError(origin, size, maxBytes) {
  const limit = exactSize(maxBytes);
  if (size === void 0) return `${origin}: is over the ${limit} size limit (MAX_FILE_MB); stopped reading there`;
  const unit = size >= MB ? MB : size >= KB ? KB : 1;
  if (unit > 1 && maxBytes % KB === 0) {
    for (let digits = unit === MB ? 1 : 0; digits <= 3; digits++) {
      const shown = Math.floor(size / unit * 10 ** digits) / 10 ** digits;
      if (shown > maxBytes / unit) {
        return `${origin}: ${shown.toFixed(digits)} ${unit === MB ? "MB" : "KB"} is over the ${limit} size limit (MAX_FILE_MB)`;
      }
    }
  }
  const inBytes = limit.endsWith("bytes") ? limit : `${limit} (${maxBytes} bytes)`;
  return `${origin}: ${size} bytes is over the ${inBytes} size limit (MAX_FILE_MB)`;
}
async function readAtMost(stream, maxBytes) {
  const chunks = [];
  let total = 0;
  for await (const c of stream) {
    const chunk = typeof c === "string" ? Buffer.from(c) : c;
    total += chunk.length;
    if (total > maxBytes) return void 0;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}
const FS_REASONS = {
  ENOENT: "no such file",
  EACCES: "permission denied",
  EISDIR: "is a directory",
  EPERM: "operation not permitted",
  // A failing disk, a dropped network mount, or a /proc file that cannot be read as a whole.
  EIO: "input/output error"
};
function createIngestService(deps) {
  const { store, parse, search, maxBytes, logger } = deps;
  async function ingestBuffer(content, opts) {
    const { origin } = opts;
    if (content.length > maxBytes) {
      return { ok: false, origin, error: sizeLimitError(origin, content.length, maxBytes) };
    }
    let parsed;
    try {
      parsed = parse(content, { format: opts.format, date: opts.date, fileName: basename(origin), now: deps.now?.() });
    } catch (err) {
      if (err instanceof ParseError) return { ok: false, origin, error: `${origin}: ${err.message}` };
      logger.error({ err, origin }, "parser failed unexpectedly");
      return { ok: false, origin, error: `${origin}: could not be parsed (${err.message})` };
    }
    try {
      const digestDate = opts.date ?? parsed.digestDate;
      const counts = await store.ingest({ source: parsed.format, digestDate, papers: parsed.papers, origin });
      if (search && counts.changedIds.length && opts.sync !== false) await search.sync();
      for (const w of parsed.warnings) logger.warn({ origin }, w);
      return { ok: true, origin, format: parsed.format, digestDate, papers: parsed.papers.length, counts, warnings: parsed.warnings };
    } catch (err) {
      logger.error({ err, origin }, "storing failed");
      return { ok: false, origin, error: `${origin}: could not be stored (${err.message}); nothing of it was kept` };
    }
  }
  return {
    ingestBuffer,
    async ingestFile(path, opts = {}) {
      const read = await readInputFile(path, maxBytes);
      if (!read.ok) return { ok: false, origin: path, error: read.error };
      return ingestBuffer(read.content, { ...opts, origin: path });
    }
  };
}
async function readInputFile(path, maxBytes) {
  try {
    const st = await stat(path);
    if (st.isDirectory()) return { ok: false, error: `${path}: is a directory` };
    if (st.size > maxBytes) return { ok: false, error: sizeLimitError(path, st.size, maxBytes) };
    const content = await readAtMost(createReadStream(path), maxBytes);
    if (!content) return { ok: false, error: sizeLimitError(path, void 0, maxBytes) };
    return { ok: true, content };
  } catch (err) {
    const code = err.code ?? "";
    return { ok: false, error: `${path}: cannot read (${FS_REASONS[code] ?? err.message})` };
  }
}
export {
  createIngestService,
  readAtMost,
  readInputFile,
  sizeLimitError
};
//# sourceMappingURL=ingest.js.map
