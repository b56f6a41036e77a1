/**
 * Is a text that splits into title/abstract pairs really a digest, or other prose (a LICENSE file,
 * a README, notes) that happens to have short lines between paragraphs? Judged by the words of the
 * paragraphs read as abstracts: paper abstracts speak of what "we propose", models, methods, results
 * and datasets; licences and documentation speak of what "you" may do with the "software", what it
 * is "provided" under, files, options and installs. Text with no word evidence either way is read as
 * a digest (a short hand-made digest, say), so only evidence against refuses.
 */

// Words of research abstracts, chosen from word counts over the shared data: with them every one of the
// 4,874 Hugging Face abstracts and 5,217 of 5,226 arXiv ones (physics and maths too) reads as a
// paper's, none as prose. Each is in at most ~5% of the 8,057 abstract-like paragraphs of the
// licences and docs in node_modules ("data" and "method" are the commonest there).
const PAPER_WORDS = new Set(
  (
    'we our us propose proposed proposes present presents introduce introduces show shows demonstrate demonstrates ' +
    'model models method methods approach approaches results paper study studies analysis analyze experiments experimental ' +
    'dataset datasets data benchmark benchmarks evaluation evaluate evaluated performance accuracy baseline baselines ' +
    'learning training trained tasks task framework novel existing achieves achieve outperforms outperform ' +
    'llm llms neural network networks language reasoning generation diffusion multimodal inference state-of-the-art ' +
    'empirical theory theorem prove simulations measurements observed quantum findings'
  ).split(' '),
);

// Words of licences, notices and documentation: each is in under 1% of those abstracts but
// "software" and "provided" (~2%), which is why one word never decides. ("terms", "usage" and "fixed"
// were dropped: 3-7% of abstracts.)
const PROSE_WORDS = new Set(
  (
    'shall license licensed licenses licence licensor licensee warranty warranties copyright software provided liability ' +
    'liable permission notice notices merchantability damages hereby herein thereof redistribute redistribution ' +
    'redistributions sublicense infringement rights contributors holders granted fitness tort contract ' +
    'you your install installation npm yarn readme documentation docs options default defaults config ' +
    'changelog deprecated bump please'
  ).split(' '),
);

/** Abstracts of a real digest carry more paper words than these prose words, or neither. */
const MIN_PROSE_WORDS = 2;

// A percentage or a decimal ("12.5%", "3.2x", "0.91") is an abstract's result, rarely a licence's.
const RESULT_NUMBER = /\d+(?:\.\d+)?\s?%|\b\d+\.\d+\s?[x×]|\b0\.\d+\b/;
// A word: letters, maybe joined by hyphens ("state-of-the-art" is one word).
const WORD = /[a-z][a-z-]*[a-z]|[a-z]/g;

type AbstractVote = 'paper' | 'prose' | 'neither';

/** The distinct paper and prose words of one paragraph read as an abstract, and what they say. */
function judgeAbstract(text: string): { vote: AbstractVote; paper: number; prose: string[] } {
  const paper = new Set<string>();
  const prose = new Set<string>();
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    if (PAPER_WORDS.has(w)) paper.add(w);
    else if (PROSE_WORDS.has(w)) prose.add(w);
  }
  const paperScore = paper.size + (RESULT_NUMBER.test(text) ? 1 : 0);
  const vote: AbstractVote = prose.size >= MIN_PROSE_WORDS && prose.size > paperScore ? 'prose' : paperScore > prose.size ? 'paper' : 'neither';
  return { vote, paper: paperScore, prose: [...prose] };
}

// A paragraph starting like Markdown: a heading, a code fence, a list item, a quote, a table row
// (a line between pipes: a lone "|" at the start of a broken line is not a table, and two such lines
// in a short digest made its well-formed pairs refused as Markdown).
const MARKUP = /^(?:#{1,6}\s|```|~~~|[-*+]\s|>\s|\|[^\n]*\|[ \t]*(?:\n|$))/;
/** More than this share of Markdown paragraphs (and more than one) and the text is not a digest. */
const MAX_MARKUP_SHARE = 0.1;

/**
 * Collects the evidence while a text digest is read (every paragraph, and each abstract of a pair)
 * and says why the text is not a digest, if it is not.
 */
export class DigestShape {
  private paragraphs = 0;
  private markup = 0;
  private abstracts = 0;
  private readonly votes = { paper: 0, prose: 0, neither: 0 };
  private readonly proseWords = new Map<string, number>();

  paragraph(text: string): void {
    this.paragraphs++;
    if (MARKUP.test(text)) this.markup++;
  }

  abstract(text: string): void {
    this.abstracts++;
    const j = judgeAbstract(text);
    this.votes[j.vote]++;
    if (j.vote === 'prose') for (const w of j.prose) this.proseWords.set(w, (this.proseWords.get(w) ?? 0) + 1);
  }

  /** Why this is not a digest (one line), or undefined when it reads as one. */
  refusal(): string | undefined {
    // Markdown: a README's headings and paragraphs read as 53 "papers"; a digest holds none (the
    // seed digest: 0 of 148 paragraphs).
    if (this.markup > Math.max(1, this.paragraphs * MAX_MARKUP_SHARE)) {
      return `unrecognized format: Markdown or code, not a digest (${this.markup} of ${this.paragraphs} paragraphs are headings, list items, code or tables)`;
    }
    // Prose: more abstracts that read like a licence or documentation than like a paper's. A share of
    // paragraphs in pairs was tried first, but digests the tests accept (dangling titles, one-sentence
    // abstracts) fall below any share that refuses a LICENSE file; words tell them apart.
    if (this.votes.prose > 0 && this.votes.prose > this.votes.paper) {
      const top = [...this.proseWords].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4).map(([w]) => `"${w}"`);
      return `unrecognized format: prose, not a digest (${this.votes.prose} of ${this.abstracts} abstract paragraphs read like a licence or documentation (${top.join(', ')}), ${this.votes.paper} like a paper's)`;
    }
    return undefined;
  }
}
