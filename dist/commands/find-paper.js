import { parseArxivId } from "../src/core/paper-id.js";
import { UserError } from "../src/core/errors.js";
function looksLikeId(text) {
  return parseArxivId(text) !== void 0 || /^title:\S+$/.test(text.trim());
}
async function paperById(store, id, usage) {
  const paper = await store.getPaper(id.trim());
  if (!paper) throw new UserError(`No paper with id ${id.trim()} in the store. Search for it with /papers search <words>.`, usage);
  return paper;
}
async function findPaper(store, query, usage) {
  if (looksLikeId(query)) return { paper: await paperById(store, query, usage), others: [] };
  const found = await store.findByTitle(query, 6);
  if (!found.length) throw new UserError(`No paper title contains "${query}". Try /papers search ${query}.`, usage);
  return { paper: found[0], others: found.slice(1) };
}
function addDays(date, days) {
  const d = /* @__PURE__ */ new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export {
  addDays,
  findPaper,
  looksLikeId,
  paperById
};
//# sourceMappingURL=find-paper.js.map
