import { dayMatches } from "./cron.js";
import { addDays, localParts, localToInstant } from "./local-time.js";
const DAY = 864e5;
const MAX_DAYS = 400;
function slotsOfDay(s, d) {
  const out = [];
  for (let h = s.hours.length - 1; h >= 0; h--) {
    for (let m = s.minutes.length - 1; m >= 0; m--) out.push(localToInstant(d.year, d.month, d.day, s.hours[h], s.minutes[m], s.tz));
  }
  return out.sort((a, b) => b - a);
}
function latestSlot(s, nowMs, afterMs) {
  const today = localParts(nowMs, s.tz);
  for (let i = 0; i < MAX_DAYS; i++) {
    const d = addDays(today, -i);
    if (Date.UTC(d.year, d.month - 1, d.day) + 2 * DAY < afterMs) return void 0;
    if (!dayMatches(s, d)) continue;
    for (const t of slotsOfDay(s, d)) {
      if (t > nowMs) continue;
      return t > afterMs ? t : void 0;
    }
  }
  return void 0;
}
function nextSlot(s, afterMs) {
  const start = localParts(afterMs, s.tz);
  for (let i = 0; i < MAX_DAYS; i++) {
    const d = addDays(start, i);
    if (!dayMatches(s, d)) continue;
    const later = slotsOfDay(s, d).filter((t) => t > afterMs);
    if (later.length) return Math.min(...later);
  }
  return void 0;
}
function decideDue(subs, nowMs, maxLatenessMs) {
  const out = [];
  for (const sub of subs) {
    const after = Math.max(sub.notBeforeMs, sub.lastSlotMs ?? -Infinity);
    const slot = latestSlot(sub.schedule, nowMs, after);
    if (slot === void 0) continue;
    const latenessMs = nowMs - slot;
    out.push({ key: sub.key, action: latenessMs <= maxLatenessMs ? "run" : "skip", slotMs: slot, latenessMs });
  }
  return out;
}
export {
  decideDue,
  latestSlot,
  nextSlot
};
//# sourceMappingURL=schedule.js.map
