import { ParseError } from '../errors.js';
import { shortJsonError } from './parse-json.js';

/**
 * Each non-blank line of a JSON-lines text, parsed. A line that is not valid JSON (or not an object)
 * is skipped with a warning naming its line number; if no line is good the input is refused.
 */
export function readJsonLines(text: string, warnings: string[]): Array<{ line: number; value: Record<string, unknown> }> {
  const out: Array<{ line: number; value: Record<string, unknown> }> = [];
  let lineNo = 0;
  let bad = 0;
  let firstBad: string | undefined;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (!raw) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      bad++;
      const why = `line ${lineNo}: not valid JSON (${shortJsonError(err)}), skipped`;
      firstBad ??= why;
      warnings.push(why);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      bad++;
      const why = `line ${lineNo}: not a JSON object, skipped`;
      firstBad ??= why;
      warnings.push(why);
      continue;
    }
    out.push({ line: lineNo, value: value as Record<string, unknown> });
  }
  if (out.length === 0) throw new ParseError(bad ? `no valid JSON line (${firstBad})` : 'no JSON lines');
  return out;
}
