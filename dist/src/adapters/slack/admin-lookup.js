function createAdminLookup(opts) {
  const configured = new Set(opts.adminUsers);
  const ttl = opts.ttlMs ?? 10 * 6e4;
  const now = opts.now ?? Date.now;
  const cache = /* @__PURE__ */ new Map();
  return async (userId) => {
    if (configured.has(userId)) return true;
    const hit = cache.get(userId);
    if (hit?.pending) return hit.pending;
    if (hit && now() - hit.at < ttl) return hit.isAdmin;
    const pending = (async () => {
      try {
        const res = await opts.client.users.info({ user: userId });
        const u = res.user;
        const isAdmin = Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner);
        cache.set(userId, { isAdmin, at: now() });
        return isAdmin;
      } catch (err) {
        opts.logger.warn({ userId, err }, "users.info failed; treating the user as not an admin");
        cache.set(userId, { isAdmin: false, at: now() - ttl + 6e4 });
        return false;
      }
    })();
    cache.set(userId, { isAdmin: false, at: 0, pending });
    return pending;
  };
}
export {
  createAdminLookup
};
//# sourceMappingURL=admin-lookup.js.map
