import { ParseError } from '../errors.js';

/** JSON.parse whose failure is a one-line ParseError that says "truncated" when the text just stops. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = shortJsonError(err);
    // V8 reports where it stopped; stopping at the very end means the text was cut short.
    const at = /position (\d+)/.exec(msg);
    const atEnd = at ? Number(at[1]) >= text.trimEnd().length : /end of (JSON )?input/i.test(msg);
    if (atEnd) throw new ParseError(`truncated JSON: input ends before the value is complete (${msg})`);
    throw new ParseError(`invalid JSON (${msg})`);
  }
}

/** A JSON.parse error message kept short and on one line. */
export function shortJsonError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const one = msg.replace(/\s+/g, ' ');
  return one.length > 120 ? `${one.slice(0, 117)}...` : one;
}
