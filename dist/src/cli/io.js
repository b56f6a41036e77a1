const processIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
function writeJson(io, value) {
  io.stdout.write(`${JSON.stringify(value, null, 2)}
`);
}
export {
  processIo,
  writeJson
};
//# sourceMappingURL=io.js.map
