const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const MACROS = {
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@weekly": "0 0 * * 0",
  "@monthly": "0 0 1 * *",
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *"
};
class CronSyntaxError extends Error {
  name = "CronSyntaxError";
}
function value(token, min, max, names, field) {
  const t = token.toLowerCase();
  if (names) {
    const key = t.length > 3 && FULL.has(t) ? t.slice(0, 3) : t;
    const i = names.indexOf(key);
    if (i >= 0) return i + (field === "month" ? 1 : 0);
  }
  if (!/^\d+$/.test(t)) throw new CronSyntaxError(`"${token}" is not a valid ${field}`);
  const n = Number(t);
  if (n < min || n > max) throw new CronSyntaxError(`${field} ${n} is out of range (${min}-${max})`);
  return n;
}
const FULL = /* @__PURE__ */ new Set([
  "sunday",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "january",
  "february",
  "march",
  "april",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "tues",
  "thur",
  "thurs",
  "sept"
]);
function parseField(text, min, max, field, names) {
  const out = /* @__PURE__ */ new Set();
  let any = false;
  for (const part of text.split(",")) {
    if (!part) throw new CronSyntaxError(`empty item in ${field} "${text}"`);
    const [range2, stepText, extra] = part.split("/");
    if (extra !== void 0) throw new CronSyntaxError(`"${part}" has two steps`);
    const step = stepText === void 0 ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronSyntaxError(`"${stepText}" is not a valid step in ${field}`);
    let lo;
    let hi;
    if (range2 === "*") {
      if (stepText === void 0) any = true;
      lo = min;
      hi = max;
    } else if (range2.includes("-")) {
      const [a, b, c] = range2.split("-");
      if (c !== void 0 || !a || !b) throw new CronSyntaxError(`"${range2}" is not a valid ${field} range`);
      lo = value(a, min, max, names, field);
      hi = value(b, min, max, names, field);
    } else {
      lo = value(range2, min, max, names, field);
      hi = stepText === void 0 ? lo : max;
    }
    if (hi < lo) {
      if (field !== "day of week") throw new CronSyntaxError(`${field} range "${range2}" goes backwards`);
      for (let v = lo; v <= hi + 7; v += step) out.add(v % 7);
      continue;
    }
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  if (any) return void 0;
  return [...out].sort((a, b) => a - b);
}
function parseDays(text) {
  const t = text.trim().toLowerCase().replace(/\s*([,-])\s*/g, "$1").replace(/\s+/g, ",");
  if (t === "" || t === "*" || t === "daily" || t === "every-day" || t === "everyday" || t === "all") return void 0;
  if (t === "weekdays") return [1, 2, 3, 4, 5];
  if (t === "weekends" || t === "weekend") return [0, 6];
  const days = parseField(t, 0, 7, "day of week", DAYS);
  return normalizeWeekdays(days);
}
function normalizeWeekdays(days) {
  if (!days) return void 0;
  const set = new Set(days.map((d) => d === 7 ? 0 : d));
  return set.size === 7 ? void 0 : [...set].sort((a, b) => a - b);
}
function parseCron(expr) {
  const trimmed = expr.trim().toLowerCase();
  const expanded = MACROS[trimmed] ?? trimmed;
  if (trimmed.startsWith("@") && !MACROS[trimmed]) throw new CronSyntaxError(`unknown cron macro "${trimmed}"`);
  const fields = expanded.split(/\s+/);
  if (fields.length !== 5) {
    throw new CronSyntaxError(`a cron expression has 5 fields (minute hour day month weekday), "${expr.trim()}" has ${fields.length}`);
  }
  const [mi, ho, dom, mon, dow] = fields;
  const minutes = parseField(mi, 0, 59, "minute") ?? range(0, 59);
  const hours = parseField(ho, 0, 23, "hour") ?? range(0, 23);
  return {
    minutes,
    hours,
    daysOfMonth: parseField(dom, 1, 31, "day of month"),
    months: parseField(mon, 1, 12, "month", MONTHS),
    daysOfWeek: normalizeWeekdays(parseField(dow, 0, 7, "day of week", DAYS))
  };
}
function range(a, b) {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
function dayMatches(f, d) {
  if (f.months && !f.months.includes(d.month)) return false;
  const domOk = !f.daysOfMonth || f.daysOfMonth.includes(d.day);
  const dowOk = !f.daysOfWeek || f.daysOfWeek.includes(d.weekday);
  if (f.daysOfMonth && f.daysOfWeek) return domOk || dowOk;
  return domOk && dowOk;
}
export {
  CronSyntaxError,
  dayMatches,
  parseCron,
  parseDays,
  parseField
};
//# sourceMappingURL=cron.js.map
