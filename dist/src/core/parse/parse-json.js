import { ParseError } from "../errors.js";
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = shortJsonError(err);
    const at = /position (\d+)/.exec(msg);
    const atEnd = at ? Number(at[1]) >= text.trimEnd().length : /end of (JSON )?input/i.test(msg);
    if (atEnd) throw new ParseError(`truncated JSON: input ends before the value is complete (${msg})`);
    throw new ParseError(`invalid JSON (${msg})`);
  }
}
function shortJsonError(err) {
  const msg = err instanceof Error ? err.message : String(err);
  const one = msg.replace(/\s+/g, " ");
  return one.length > 120 ? `${one.slice(0, 117)}...` : one;
}
export {
  parseJson,
  shortJsonError
};
//# sourceMappingURL=parse-json.js.map
