//# sourceMappingURL=reply.js.map
