import { ParseError } from '../errors.js';
import { JsonScanner, MAX_VALUES_PER_ENTRY } from './json-scan.js';
import { shortJsonError } from './parse-json.js';
import { boundedWarnings } from './warnings.js';

/**
 * Calls `each` with every non-blank line of a JSON-lines text, parsed, one at a time (nothing is
 * kept here: memory follows what the caller keeps). A line that is not valid JSON, not an object, or
 * too large to be one paper is skipped with a warning naming its line number (the first warnings as
 * text, the rest counted); if no line is good the input is refused.
 */
export function forEachJsonLine(text: string, warnings: string[], each: (line: number, value: Record<string, unknown>) => void): void {
  const skipped = boundedWarnings(warnings);
  let lineNo = 0;
  let good = 0;
  let bad = 0;
  let firstBad: string | undefined;
  const skip = (why: string) => {
    bad++;
    firstBad ??= why;
    skipped.push(why);
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const raw = text.slice(start, end).trim();
    start = end + 1;
    if (!raw) continue;
    const values = countValues(raw);
    if (values > MAX_VALUES_PER_ENTRY) {
      skip(`line ${lineNo}: too large to be a paper (more than ${MAX_VALUES_PER_ENTRY} JSON values), skipped`);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      skip(`line ${lineNo}: not valid JSON (${shortJsonError(err)}), skipped`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      skip(`line ${lineNo}: not a JSON object, skipped`);
      continue;
    }
    good++;
    each(lineNo, value as Record<string, unknown>);
  }
  skipped.close();
  if (good === 0) throw new ParseError(bad ? `no valid JSON line (${firstBad})` : 'no JSON lines');
}

/** How many JSON values a line holds, from its structure alone; a broken line counts as small (JSON.parse then refuses it). */
function countValues(line: string): number {
  if (line.length < MAX_VALUES_PER_ENTRY) return 1; // every value takes at least one character
  try {
    return new JsonScanner(line).value().values;
  } catch {
    return 1;
  }
}
