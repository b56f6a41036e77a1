import { localParts } from "./local-time.js";
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
function formatLocal(ms, tz) {
  const p = localParts(ms, tz);
  const pad = (n) => String(n).padStart(2, "0");
  return `${DAYS[p.weekday]} ${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)} ${tz}`;
}
export {
  formatLocal
};
//# sourceMappingURL=format-time.js.map
