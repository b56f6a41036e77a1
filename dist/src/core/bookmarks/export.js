import { toBibtex } from "./bibtex.js";
import { toCsv } from "./csv.js";
import { toMarkdown } from "./markdown.js";
const EXPORT_FORMATS = ["bibtex", "markdown", "csv"];
const KINDS = {
  bibtex: { ext: "bib", mime: "application/x-bibtex", render: toBibtex },
  markdown: { ext: "md", mime: "text/markdown", render: toMarkdown },
  csv: { ext: "csv", mime: "text/csv", render: toCsv }
};
function exportFile(papers, format, stamp) {
  const k = KINDS[format];
  return { name: `bookmarks-${stamp}.${k.ext}`, mime: k.mime, content: k.render(papers) };
}
export {
  EXPORT_FORMATS,
  exportFile
};
//# sourceMappingURL=export.js.map
