import { commandName } from "./types.js";
const ROOT = { name: "papers", description: "Search, bookmark and follow research papers" };
const ADMIN_ROOT = { name: "papers-admin", description: "Set up and post this channel's paper digest (Manage Server)" };
const ROOTS = [ROOT, ADMIN_ROOT];
function rootOf(c, platform) {
  return c?.admin && platform === "discord" ? ADMIN_ROOT.name : ROOT.name;
}
function typedName(c, platform) {
  return `/${rootOf(c, platform)} ${commandName(c)}`;
}
function retarget(text, c, platform) {
  const root = rootOf(c, platform);
  return root === ROOT.name ? text : text.replaceAll(`/${ROOT.name} `, `/${root} `);
}
export {
  ADMIN_ROOT,
  ROOT,
  ROOTS,
  retarget,
  rootOf,
  typedName
};
//# sourceMappingURL=roots.js.map
