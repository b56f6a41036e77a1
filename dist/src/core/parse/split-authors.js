function splitAuthors(s) {
  return s.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((a) => a.trim()).filter(Boolean);
}
export {
  splitAuthors
};
//# sourceMappingURL=split-authors.js.map
