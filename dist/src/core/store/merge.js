import { normalizeTitle } from "../paper-id.js";
function unionBy(a, b, key = (s) => s) {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const x of b) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(x);
    }
  }
  return out;
}
const personKey = (name) => normalizeTitle(name);
function fieldsFromPaper(p) {
  return {
    arxivId: p.arxivId,
    title: p.title,
    abstract: p.abstract,
    authors: unionBy([], p.authors, personKey),
    links: unionBy([], p.links),
    keywords: unionBy([], p.keywords, (k) => k.toLowerCase()),
    categories: unionBy([], p.categories),
    upvotes: p.upvotes,
    publishedAt: p.publishedAt,
    digestDates: p.digestDate ? [p.digestDate] : [],
    sources: [p.source],
    flags: p.abstract ? [] : ["no-abstract"]
  };
}
function mergeFields(have, p) {
  const abstract = p.abstract.length > have.abstract.length ? p.abstract : have.abstract;
  const upvotes = have.upvotes === void 0 ? p.upvotes : p.upvotes === void 0 ? have.upvotes : Math.max(have.upvotes, p.upvotes);
  const digestDates = p.digestDate ? unionBy(have.digestDates, [p.digestDate]).sort() : have.digestDates;
  return {
    arxivId: have.arxivId ?? p.arxivId,
    title: have.title || p.title,
    abstract,
    authors: have.authors.length ? unionBy(have.authors, p.authors, personKey) : unionBy([], p.authors, personKey),
    links: unionBy(have.links, p.links),
    keywords: unionBy(have.keywords, p.keywords, (k) => k.toLowerCase()),
    categories: unionBy(have.categories, p.categories),
    upvotes,
    publishedAt: have.publishedAt ?? p.publishedAt,
    digestDates,
    sources: unionBy(have.sources, [p.source]),
    flags: abstract ? [] : ["no-abstract"]
  };
}
function mergeStored(a, b) {
  return {
    arxivId: a.arxivId ?? b.arxivId,
    title: a.title || b.title,
    abstract: b.abstract.length > a.abstract.length ? b.abstract : a.abstract,
    authors: unionBy(a.authors, b.authors, personKey),
    links: unionBy(a.links, b.links),
    keywords: unionBy(a.keywords, b.keywords, (k) => k.toLowerCase()),
    categories: unionBy(a.categories, b.categories),
    upvotes: a.upvotes === void 0 ? b.upvotes : b.upvotes === void 0 ? a.upvotes : Math.max(a.upvotes, b.upvotes),
    publishedAt: a.publishedAt ?? b.publishedAt,
    digestDates: unionBy(a.digestDates, b.digestDates).sort(),
    sources: unionBy(a.sources, b.sources),
    flags: a.abstract || b.abstract ? [] : ["no-abstract"]
  };
}
function sameFields(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
export {
  fieldsFromPaper,
  mergeFields,
  mergeStored,
  sameFields
};
//# sourceMappingURL=merge.js.map
