import { ParseError } from "../errors.js";
import { PaperSchema } from "../paper.js";
function validatePapers(candidates, warnings) {
  const papers = [];
  let firstProblem;
  for (const c of candidates) {
    if ("problem" in c) {
      const line2 = `${c.where}: skipped, ${c.problem}`;
      firstProblem ??= line2;
      warnings.push(line2);
      continue;
    }
    const r = PaperSchema.safeParse(c.paper);
    if (r.success) {
      papers.push(r.data);
      continue;
    }
    const issue = r.error.issues[0];
    const why = issue ? `${issue.path.join(".") || "paper"}: ${issue.message}` : "invalid paper";
    const line = `${c.where}: skipped, ${why}`;
    firstProblem ??= line;
    warnings.push(line);
  }
  if (candidates.length > 0 && papers.length === 0) throw new ParseError(`no valid paper (${firstProblem})`);
  return papers;
}
export {
  validatePapers
};
//# sourceMappingURL=validate-papers.js.map
