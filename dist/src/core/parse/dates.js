const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
function dateFromFileName(fileName) {
  if (!fileName) return void 0;
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const m = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(base);
  if (!m) return void 0;
  return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
}
function isoDay(year, month, day) {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return void 0;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return void 0;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
function validIsoDay(value) {
  if (!value) return void 0;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  return m ? isoDay(Number(m[1]), Number(m[2]), Number(m[3])) : void 0;
}
function monthNumber(name) {
  const key = name.toLowerCase().replace(/\.$/, "").slice(0, 3);
  const i = MONTHS.indexOf(key);
  if (i < 0) return void 0;
  const full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][i];
  const word = name.toLowerCase().replace(/\.$/, "");
  return full.startsWith(word) || i === 8 && word === "sept" ? i + 1 : void 0;
}
function nearestPastDay(month, day, now) {
  const today = isoDay(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate());
  if (!today) return void 0;
  for (let year = now.getUTCFullYear(); year >= now.getUTCFullYear() - 8; year--) {
    const d = isoDay(year, month, day);
    if (d && d <= today) return d;
  }
  return void 0;
}
function rfc822Day(value) {
  if (typeof value !== "string") return void 0;
  const m = /(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})/.exec(value);
  if (!m) return void 0;
  const month = monthNumber(m[2]);
  return month ? isoDay(Number(m[3]), month, Number(m[1])) : void 0;
}
function toIsoTimestamp(value) {
  if (typeof value !== "string" || !value.trim()) return void 0;
  const t = Date.parse(value);
  return Number.isNaN(t) ? void 0 : new Date(t).toISOString();
}
export {
  dateFromFileName,
  isoDay,
  monthNumber,
  nearestPastDay,
  rfc822Day,
  toIsoTimestamp,
  validIsoDay
};
//# sourceMappingURL=dates.js.map
