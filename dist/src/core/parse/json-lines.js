import { ParseError } from "../errors.js";
import { shortJsonError } from "./parse-json.js";
function readJsonLines(text, warnings) {
  const out = [];
  let lineNo = 0;
  let bad = 0;
  let firstBad;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lineNo++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (!raw) continue;
    let value;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      bad++;
      const why = `line ${lineNo}: not valid JSON (${shortJsonError(err)}), skipped`;
      firstBad ??= why;
      warnings.push(why);
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      bad++;
      const why = `line ${lineNo}: not a JSON object, skipped`;
      firstBad ??= why;
      warnings.push(why);
      continue;
    }
    out.push({ line: lineNo, value });
  }
  if (out.length === 0) throw new ParseError(bad ? `no valid JSON line (${firstBad})` : "no JSON lines");
  return out;
}
export {
  readJsonLines
};
//# sourceMappingURL=json-lines.js.map
