//# sourceMappingURL=ingest-ports.js.map
