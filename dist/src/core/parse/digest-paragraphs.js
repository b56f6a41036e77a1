import { cleanText } from "./clean-text.js";
import { classifyParagraph } from "./classify-paragraph.js";
import { isoDay, monthNumber } from "./dates.js";
const HEADER_LINES = new Set(
  ["new", "Get trending papers in your email inbox!", "Subscribe", "byAK and the research community", "by AK and the research community", "Daily Papers", "Hugging Face"].map(letters)
);
function letters(s) {
  return s.toLowerCase().replace(/[^a-z]/g, "");
}
function digestBlocks(text) {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const blocks = [];
  let inHeader = true;
  let current = [];
  let currentStart = 0;
  const flush = () => {
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
      blocks.push({ kind: "date", ...date, line: i + 1 });
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
function pushParagraph(blocks, lines, start) {
  if (lines.length >= 2 && lines[1].length > 200 && classifyParagraph(lines[0]) === "title") {
    blocks.push({ kind: "text", text: lines[0], line: start });
    blocks.push({ kind: "text", text: lines.slice(1).join(" "), line: start + 1 });
    return;
  }
  blocks.push({ kind: "text", text: lines.join(" "), line: start });
}
const MONTH_DAY = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/i;
const DAY_MONTH = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?$/i;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function parseDateLine(line) {
  if (line.length > 30) return void 0;
  let month;
  let day;
  let year;
  let m = ISO.exec(line);
  if (m) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if (m = MONTH_DAY.exec(line)) {
    month = monthNumber(m[1]);
    day = Number(m[2]);
    year = m[3] ? Number(m[3]) : void 0;
  } else if (m = DAY_MONTH.exec(line)) {
    month = monthNumber(m[2]);
    day = Number(m[1]);
    year = m[3] ? Number(m[3]) : void 0;
  } else return void 0;
  if (!month || !isoDay(year ?? 2e3, month, day)) return void 0;
  return year === void 0 ? { month, day } : { month, day, year };
}
export {
  digestBlocks,
  parseDateLine
};
//# sourceMappingURL=digest-paragraphs.js.map
