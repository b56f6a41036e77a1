import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from '../errors.js';
import { asRecord } from './clean-text.js';

// Elements that may repeat are always arrays, so one item and many items read the same way.
const ALWAYS_ARRAY = new Set(['item', 'entry', 'category', 'author', 'link', 'dc:creator']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => ALWAYS_ARRAY.has(name),
});

/**
 * fast-xml-parser builds the whole document, a few hundred bytes per element, and validates it
 * first: a 50 MB feed of empty `<item/>` did not finish in 3 minutes. The largest real answer (an
 * arXiv API page of 2,000 entries) holds ~80,000 tags; past this the input is refused unread.
 */
export const MAX_XML_TAGS = 300_000;

function countTags(text: string): number {
  let n = 0;
  for (let i = text.indexOf('<'); i !== -1 && n <= MAX_XML_TAGS; i = text.indexOf('<', i + 1)) n++;
  return n;
}

/**
 * Parses an XML document into plain objects with fast-xml-parser. The parser itself accepts cut-off
 * documents, so the validator runs first: a truncated or malformed feed is a ParseError, not half a feed.
 */
export function parseXml(text: string): Record<string, unknown> {
  const tags = countTags(text);
  if (tags > MAX_XML_TAGS) {
    throw new ParseError(`too many XML elements for one feed (${tags} tags, at most ${MAX_XML_TAGS}); split it into smaller files`);
  }
  const check = XMLValidator.validate(text);
  if (check !== true) {
    const { msg, line, col } = check.err;
    const oneLine = msg.replace(/\s+/g, ' ');
    const unclosed = /^Invalid '\[(.*)\]' found/.exec(oneLine);
    const why = unclosed
      ? `unclosed elements ${unclosed[1]!.replace(/["\s]/g, '').split(',').join(' > ')}`
      : `line ${line}, column ${col}: ${oneLine}`;
    throw new ParseError(`truncated or malformed XML (${why})`);
  }
  try {
    return asRecord(parser.parse(text)) ?? {};
  } catch (err) {
    throw new ParseError(`malformed XML (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The text of an element that may carry attributes (`{'#text': …}`) or be a plain string. */
export function xmlText(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  const r = asRecord(node);
  const t = r?.['#text'];
  return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : undefined;
}

/** A child that may be missing, one value or an array, as an array. */
export function xmlList(node: unknown): unknown[] {
  if (node === undefined || node === null || node === '') return [];
  return Array.isArray(node) ? node : [node];
}
