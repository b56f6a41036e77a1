function pageSize(requested, caller) {
  const max = caller.maxCards;
  if (max === void 0 || !Number.isInteger(max) || max < 1 || requested <= max) return { per: requested, note: "" };
  return { per: max, note: ` (showing ${max} per page here)` };
}
export {
  pageSize
};
//# sourceMappingURL=paging.js.map
