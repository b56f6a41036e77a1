import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { processIo } from "./io.js";
import { HELP, USAGE } from "./usage.js";
import { packageVersion } from "./version.js";
async function runCli(argv, io = processIo, env = process.env) {
  const [command, ...rest] = argv;
  const answer = helpOrVersion(argv);
  if (answer !== void 0) {
    io.stdout.write(answer);
    return 0;
  }
  const { runCommand } = await import("./run-command.js");
  return runCommand(command, rest, io, env);
}
function helpOrVersion(argv) {
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-v" || command === "version") {
    return `papers-bot ${packageVersion()}
`;
  }
  if (!command || command === "help" || command === "--help" || command === "-h") {
    return `${USAGE[rest[0] ?? ""] ?? HELP}
`;
  }
  const flags = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (USAGE[command] && (flags.includes("--help") || flags.includes("-h"))) return `${USAGE[command]}
`;
  return void 0;
}
async function runCliProgram(argv) {
  if (helpOrVersion(argv) !== void 0) return runCli(argv, processIo, {});
  const { loadEnvironment } = await import("../config.js");
  const { EnvFileError } = await import("../env-file.js");
  let env;
  try {
    env = loadEnvironment(process.env).env;
  } catch (err) {
    if (!(err instanceof EnvFileError)) throw err;
    processIo.stderr.write(`papers: ${err.message}
`);
    return 2;
  }
  return runCli(argv, processIo, env);
}
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  runCliProgram(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
export {
  runCli,
  runCliProgram
};
//# sourceMappingURL=main.js.map
