import { ParseError } from '../errors.js';
import { decodeInput } from './decode.js';
import { JsonScanner } from './json-scan.js';
import type { Format } from './ports.js';

/**
 * Which format an input is, from its content; the file name only settles what the content leaves
 * open (a one-line JSON object). Throws ParseError for input that is none of ours (HTML, other XML).
 */
export function detectFormat(content: Buffer | Uint8Array | string, fileName?: string): Format {
  const text = decodeInput(content);
  const start = firstNonSpace(text);
  const c = text[start];
  const next = text[firstNonSpace(text, start + 1)];
  if (c === '<' && next !== undefined && /[A-Za-z_?!]/.test(next)) return xmlFormat(text.slice(start, start + 8192));
  if (c === '[' && (next === '{' || next === '"' || next === ']' || next === '[' || isWholeJson(text))) return 'hf-api';
  if (c === '{' && (next === '"' || next === '}')) return jsonObjectFormat(text, fileName);
  return 'hf-digest-text';
}

/**
 * For the rare start that could be either JSON or a title like "[Re] Reproducing …". The structure
 * is checked without building the value (JSON.parse here built a 50 MB list twice).
 */
function isWholeJson(text: string): boolean {
  try {
    const scan = new JsonScanner(text);
    scan.value();
    scan.expectEnd();
    return true;
  } catch {
    return false;
  }
}

function firstNonSpace(text: string, from = 0): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

/** The root element name decides: rss → RSS 2.0, feed → Atom. (Only the name is sniffed; parsing is fast-xml-parser's.) */
function xmlFormat(head: string): Format {
  for (const m of head.matchAll(/<([!?]?)([A-Za-z_][\w:.-]*)/g)) {
    if (m[1]) continue; // <?xml …?>, <!DOCTYPE …>, <!-- … -->
    const root = m[2]!.toLowerCase();
    if (root === 'rss' || root === 'rdf:rdf') return 'arxiv-rss';
    if (root === 'feed') return 'arxiv-atom';
    if (root === 'html') throw new ParseError('unrecognized format: an HTML page, not a digest or feed');
    throw new ParseError(`unrecognized format: XML with root <${m[2]}>, expected an RSS <rss> or Atom <feed>`);
  }
  throw new ParseError('unrecognized format: XML without a root element');
}

/**
 * JSON lines (arXiv listing or Kaggle snapshot) hold one object per line; HF wrappers are one
 * object, usually pretty-printed. A record's keys tell the two JSON-lines formats apart.
 */
function jsonObjectFormat(text: string, fileName?: string): Format {
  const lines = firstLines(text, 5);
  const records: Record<string, unknown>[] = [];
  for (const line of lines) {
    // A line this long is not one record of a listing (a whole one-line wrapper, say): parsing it to
    // look at its keys would build the whole file once more. It is left to the HF reader.
    if (line.length > 1_000_000) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) records.push(v as Record<string, unknown>);
    } catch {
      /* a pretty-printed or broken object: not a whole record on this line */
    }
  }
  const rec = records[0];
  if (!rec) return /\.jsonl$/i.test(fileName ?? '') ? 'arxiv-jsonl' : 'hf-api';
  if (records.length === 1 && lines.length === 1 && ('data' in rec || 'paper' in rec)) return 'hf-api';
  if ('versions' in rec || 'authors_parsed' in rec || 'update_date' in rec || 'submitter' in rec) return 'arxiv-kaggle';
  if ('paper' in rec || 'data' in rec) return 'hf-api';
  return 'arxiv-jsonl';
}

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (out.length < n && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line) out.push(line);
    start = end + 1;
  }
  return out;
}
