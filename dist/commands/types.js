function defineCommand(decl) {
  return decl;
}
function commandPath(c) {
  return c.group ? [c.group, c.name] : [c.name];
}
const commandName = (c) => commandPath(c).join(" ");
export {
  commandName,
  commandPath,
  defineCommand
};
//# sourceMappingURL=types.js.map
