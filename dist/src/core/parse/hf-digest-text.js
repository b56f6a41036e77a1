import { ParseError } from "../errors.js";
import { paperId } from "../paper-id.js";
import { classifyParagraph } from "./classify-paragraph.js";
import { dateFromFileName, isoDay, nearestPastDay, validIsoDay } from "./dates.js";
import { digestBlocks } from "./digest-paragraphs.js";
import { extractLinks } from "./links.js";
import { validatePapers } from "./validate-papers.js";
function parseHfDigestText(text, opts) {
  const warnings = [];
  const candidates = [];
  const dates = new DateResolver(opts, warnings);
  let digestDate = dates.fallback;
  let sawDate = false;
  let pending;
  let pairs = 0;
  const emit = (title, abstract) => {
    if (abstract) pairs++;
    if (!abstract) warnings.push(`line ${title.line}: title without an abstract, kept and flagged no-abstract: "${short(title.text)}"`);
    candidates.push({
      where: `line ${title.line}`,
      paper: {
        id: paperId(void 0, title.text),
        title: title.text,
        abstract,
        authors: [],
        links: extractLinks(abstract),
        keywords: [],
        categories: [],
        digestDate,
        source: "hf-digest-text",
        flags: abstract ? [] : ["no-abstract"]
      }
    });
  };
  for (const block of digestBlocks(text)) {
    if (block.kind === "date") {
      if (pending) emit(pending, "");
      pending = void 0;
      const day = dates.resolve(block);
      if (sawDate && day !== digestDate) warnings.push(`line ${block.line}: another date line, papers after it are dated ${day}`);
      if (!sawDate) dates.first = day;
      sawDate = true;
      digestDate = day;
      continue;
    }
    let kind = classifyParagraph(block.text);
    if (kind === "unsure") kind = pending ? "abstract" : "title";
    if (kind === "title") {
      if (pending) emit(pending, "");
      pending = block;
    } else if (pending) {
      emit(pending, block.text);
      pending = void 0;
    } else {
      warnings.push(`line ${block.line}: text without a title before it, skipped: "${short(block.text)}"`);
    }
  }
  if (pending) emit(pending, "");
  if (pairs === 0) {
    throw new ParseError("unrecognized format: no title/abstract paragraphs found (not a digest?)");
  }
  return { format: "hf-digest-text", digestDate: dates.first ?? dates.fallback, papers: validatePapers(candidates, warnings), warnings };
}
class DateResolver {
  constructor(opts, warnings) {
    this.warnings = warnings;
    this.explicit = validIsoDay(opts.date);
    const fromName = dateFromFileName(opts.fileName);
    this.fallback = this.explicit ?? fromName;
    this.reference = fromName ? /* @__PURE__ */ new Date(`${fromName}T23:59:59Z`) : opts.now ?? /* @__PURE__ */ new Date();
  }
  warnings;
  fallback;
  first;
  explicit;
  reference;
  resolve(d) {
    const written = d.year !== void 0 ? isoDay(d.year, d.month, d.day) : void 0;
    if (this.explicit) {
      const [, m, day] = this.explicit.split("-").map(Number);
      if (m !== d.month || day !== d.day) {
        this.warnings.push(`line ${d.line}: the date line says ${written ?? `${d.month}/${d.day}`} but the given date is ${this.explicit}; using ${this.explicit}`);
      }
      return this.explicit;
    }
    return written ?? nearestPastDay(d.month, d.day, this.reference);
  }
}
function short(s) {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
export {
  parseHfDigestText
};
//# sourceMappingURL=hf-digest-text.js.map
