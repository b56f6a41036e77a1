import type { Paper, Source } from '../paper.js';

/** The input formats; the name of each is the Source its papers carry. */
export type Format = Source;

export interface ParseOptions {
  /** Skip detection and read the input as this format. */
  format?: Format;
  /** The digest date (YYYY-MM-DD) when the input does not say it fully (text digests say `Apr 22`). */
  date?: string;
  /** The file name: may carry the date (2025-01-10.json) and helps detection; never required. */
  fileName?: string;
  /** "Today", for the nearest-past-date rule of text digests. */
  now?: Date;
}

export interface ParseResult {
  format: Format;
  /** The digest day, when the input or its name tells it. */
  digestDate?: string;
  papers: Paper[];
  /** Things a person may want to know that did not stop the parse (a dangling title, a skipped entry). */
  warnings: string[];
}

/** Parses one input. Throws ParseError (../errors.ts) with a one-line reason for input it cannot read. */
export type ParseDigest = (content: Buffer, opts?: ParseOptions) => ParseResult;
