function meteredSearch(search, metrics) {
  const timed = async (work) => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      metrics.searchSeconds((performance.now() - start) / 1e3);
    }
  };
  return {
    search: (q) => timed(() => search.search(q)),
    similar: (id, opts) => timed(() => search.similar(id, opts)),
    sync: () => search.sync(),
    close: () => search.close()
  };
}
function meteredIngest(ingest, metrics) {
  const count = (r) => {
    if (r.ok && r.counts.new > 0) metrics.papersIngested(r.format, r.counts.new);
    return r;
  };
  return {
    ingestBuffer: (content, opts) => ingest.ingestBuffer(content, opts).then(count),
    ingestFile: (path, opts) => ingest.ingestFile(path, opts).then(count)
  };
}
export {
  meteredIngest,
  meteredSearch
};
//# sourceMappingURL=metered.js.map
