import { cleanText } from './clean-text.js';
import { classifyParagraph } from './classify-paragraph.js';
import { isoDay, monthNumber } from './dates.js';

/** One blank-line-separated block of a text digest: its text on one line and where it starts. */
export interface Paragraph {
  text: string;
  line: number;
}

/** A date line as written: `Apr 22`, `April 22, 2024`, `22 Apr 2024`, `2024-04-22`. */
export interface DateLine {
  month: number;
  day: number;
  year?: number;
  line: number;
}

export type DigestBlock = ({ kind: 'date' } & DateLine) | ({ kind: 'text' } & Paragraph);

// The Hugging Face page's chrome, compared on letters only ("by AK and the research community" too).
const HEADER_LINES = new Set(
  ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community', 'by AK and the research community', 'Daily Papers', 'Hugging Face']
    .map(letters),
);

function letters(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * Splits a text digest into date lines and paragraphs. Tolerates CRLF/CR, tabs, indentation, trailing
 * spaces and runs of blank lines; drops the page header lines found before the first paper; joins a
 * paragraph's wrapped lines with a space; splits "title line + long abstract line" with no blank between.
 */
export function digestBlocks(text: string): DigestBlock[] {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const blocks: DigestBlock[] = [];
  let inHeader = true;
  let current: string[] = [];
  let currentStart = 0;
  const flush = (): void => {
    if (current.length) pushParagraph(blocks, current, currentStart);
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = cleanText(lines[i]);
    if (!line) {
      flush();
      continue;
    }
    const date = parseDateLine(line);
    if (date) {
      flush();
      blocks.push({ kind: 'date', ...date, line: i + 1 });
      continue;
    }
    if (inHeader && line.length <= 60 && HEADER_LINES.has(letters(line))) continue;
    inHeader = false;
    if (!current.length) currentStart = i + 1;
    current.push(line);
  }
  flush();
  return blocks;
}

function pushParagraph(blocks: DigestBlock[], lines: string[], start: number): void {
  // A title line glued to its (unwrapped, long) abstract line: keep them apart. A hard-wrapped abstract
  // has short lines, so it is not split.
  if (lines.length >= 2 && lines[1]!.length > 200 && classifyParagraph(lines[0]!) === 'title') {
    blocks.push({ kind: 'text', text: lines[0]!, line: start });
    blocks.push({ kind: 'text', text: lines.slice(1).join(' '), line: start + 1 });
    return;
  }
  blocks.push({ kind: 'text', text: lines.join(' '), line: start });
}

const MONTH_DAY = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;
const DAY_MONTH = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A line that is only a date, else undefined. */
export function parseDateLine(line: string): Omit<DateLine, 'line'> | undefined {
  if (line.length > 30) return undefined;
  let month: number | undefined;
  let day: number;
  let year: number | undefined;
  let m = ISO.exec(line);
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = MONTH_DAY.exec(line))) {
    month = monthNumber(m[1]!);
    day = Number(m[2]);
    year = m[3] ? Number(m[3]) : undefined;
  } else if ((m = DAY_MONTH.exec(line))) {
    month = monthNumber(m[2]!);
    day = Number(m[1]);
    year = m[3] ? Number(m[3]) : undefined;
  } else return undefined;
  // Feb 29 is a real month-day even before we know the year.
  if (!month || !isoDay(year ?? 2000, month, day)) return undefined;
  return year === undefined ? { month, day } : { month, day, year };
}
