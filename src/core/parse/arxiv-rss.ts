import { ParseError } from '../errors.js';
import { paperId, parseArxivId } from '../paper-id.js';
import { asRecord, cleanText } from './clean-text.js';
import { rfc822Day, toIsoTimestamp, validIsoDay } from './dates.js';
import { extractLinks } from './links.js';
import type { ParseOptions, ParseResult } from './ports.js';
import { splitAuthors } from './split-authors.js';
import { validatePapers, type Candidate } from './validate-papers.js';
import { parseXml, xmlList, xmlText } from './xml.js';

/**
 * rss.arxiv.org RSS 2.0: each item's description reads `arXiv:ID Announce Type: new Abstract: …`.
 * The digest day is the channel's publication day as the feed writes it (its own time zone).
 */
export function parseArxivRss(text: string, opts: ParseOptions): ParseResult {
  const doc = parseXml(text);
  const channel = asRecord(asRecord(doc.rss)?.channel);
  if (!channel) throw new ParseError('RSS document without a <channel>');
  const warnings: string[] = [];
  const digestDate = validIsoDay(opts.date) ?? rfc822Day(xmlText(channel.pubDate)) ?? rfc822Day(xmlText(channel.lastBuildDate));
  const candidates: Candidate[] = xmlList(channel.item).map((node, i) => {
    const item = asRecord(node) ?? {};
    const description = cleanText(stripTags(xmlText(item.description) ?? ''));
    const idFromText = /arXiv:(\S+)/i.exec(description)?.[1];
    const arxivId =
      parseArxivId(idFromText) ?? parseArxivId(xmlText(item.link)) ?? parseArxivId(xmlText(item.guid)?.replace(/^oai:arXiv\.org:/i, ''));
    const announceType =
      cleanText(xmlText(item['arxiv:announce_type'])) || /Announce Type:\s*([\w-]+)/i.exec(description)?.[1] || undefined;
    // The part after "Abstract:"; a feed without that marker gives its whole description.
    const marker = description.search(/\bAbstract:\s*/i);
    const abstract = marker >= 0 ? description.slice(marker).replace(/^Abstract:\s*/i, '').trim() : description;
    const title = cleanText(xmlText(item.title));
    const authors = xmlList(item['dc:creator']).flatMap((c) => splitAuthors(cleanText(xmlText(c))));
    return {
      where: `item ${i + 1}`,
      paper: {
        id: paperId(arxivId, title),
        arxivId,
        title,
        abstract,
        authors,
        links: extractLinks(abstract),
        keywords: [],
        categories: xmlList(item.category).map((c) => cleanText(xmlText(c))).filter(Boolean),
        // Only a "new" announcement's date is the paper's publication; a replacement is announced later.
        publishedAt: announceType === 'new' ? toIsoTimestamp(xmlText(item.pubDate)) : undefined,
        digestDate,
        source: 'arxiv-rss',
        announceType,
        flags: abstract ? [] : ['no-abstract'],
      },
    };
  });
  return { format: 'arxiv-rss', digestDate, papers: validatePapers(candidates, warnings), warnings };
}

/** Descriptions of generic feeds may hold HTML markup; arXiv's hold plain text. */
function stripTags(s: string): string {
  return s.includes('<') ? s.replace(/<[^<>]*>/g, ' ') : s;
}
