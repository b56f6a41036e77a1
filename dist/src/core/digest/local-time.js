const formatters = /* @__PURE__ */ new Map();
const WEEKDAYS = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
function formatter(tz) {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short"
    });
    formatters.set(tz, f);
  }
  return f;
}
function canonicalTimeZone(tz) {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return void 0;
  }
}
const recentParts = /* @__PURE__ */ new Map();
function localParts(ms, tz) {
  const key = `${tz} ${ms}`;
  const hit = recentParts.get(key);
  if (hit) return { ...hit };
  if (recentParts.size > 5e3) recentParts.clear();
  const out = computeParts(ms, tz);
  recentParts.set(key, out);
  return { ...out };
}
function computeParts(ms, tz) {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, weekday: 0 };
  for (const p of formatter(tz).formatToParts(new Date(ms))) {
    if (p.type === "weekday") out.weekday = WEEKDAYS[p.value] ?? 0;
    else if (p.type in out) out[p.type] = Number(p.value);
  }
  return out;
}
function offsetAt(ms, tz) {
  const p = localParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1e3) * 1e3;
}
const DAY = 864e5;
function localToInstant(year, month, day, hour, minute, tz) {
  const key = `${tz} ${year}-${month}-${day} ${hour}:${minute}`;
  const hit = instants.get(key);
  if (hit !== void 0) return hit;
  if (instants.size > 5e4) instants.clear();
  const t = computeInstant(year, month, day, hour, minute, tz);
  instants.set(key, t);
  return t;
}
const instants = /* @__PURE__ */ new Map();
function computeInstant(year, month, day, hour, minute, tz) {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = offsetAt(wall - DAY, tz);
  const after = offsetAt(wall + DAY, tz);
  const candidates = [wall - before, wall - after].filter((t) => {
    const p = localParts(t, tz);
    return p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute;
  });
  if (candidates.length) return Math.min(...candidates);
  return wall - before;
}
function addDays(d, n) {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + n * DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), weekday: t.getUTCDay() };
}
function isoDate(d) {
  return `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}
export {
  addDays,
  canonicalTimeZone,
  isoDate,
  localParts,
  localToInstant,
  offsetAt
};
//# sourceMappingURL=local-time.js.map
