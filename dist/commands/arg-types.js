import { z } from "zod";
function dateArg(description) {
  return z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2025-01-31").max(10).refine((s) => {
    const d = /* @__PURE__ */ new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a real calendar date").meta({ placeholder: "YYYY-MM-DD" }).describe(description);
}
function paperIdArg(description) {
  return z.string().trim().min(1).max(300).meta({ placeholder: "ID" }).describe(description);
}
const limitArg = z.number().int().min(1).max(25).default(5).describe("Results per page (1-25, default 5)");
const pageArg = z.number().int().min(1).max(1e3).default(1).describe("Page of results (default 1)");
export {
  dateArg,
  limitArg,
  pageArg,
  paperIdArg
};
//# sourceMappingURL=arg-types.js.map
