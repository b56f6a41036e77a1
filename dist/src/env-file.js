import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseEnv } from "node:util";
class EnvFileError extends Error {
  name = "EnvFileError";
}
const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=(.*)$/;
function checkEnvLines(text, file) {
  const lines = text.split(/\r?\n/);
  let openQuote;
  lines.forEach((line, i) => {
    if (openQuote) {
      if (line.includes(openQuote)) openQuote = void 0;
      return;
    }
    if (/^\s*(#.*)?$/.test(line)) return;
    const m = ASSIGNMENT.exec(line);
    if (!m) {
      const shown = line.length > 40 ? `${line.slice(0, 40)}\u2026` : line;
      throw new EnvFileError(`${file} line ${i + 1}: expected KEY=value, a # comment or a blank line, got "${shown.includes("=") ? shown.split("=")[0] + "=\u2026" : shown}"`);
    }
    const value = m[1].trimStart();
    const q = value[0];
    if ((q === '"' || q === "'" || q === "`") && !value.slice(1).includes(q)) openQuote = q;
  });
  if (openQuote) throw new EnvFileError(`${file}: a value opened with ${openQuote} is never closed`);
}
function readEnvFile(path, explicit) {
  const file = resolve(path);
  if (!existsSync(file)) {
    if (explicit) throw new EnvFileError(`${file}: no such file (ENV_FILE names it)`);
    return void 0;
  }
  if (statSync(file).isDirectory()) throw new EnvFileError(`${file}: is a directory, not a .env file${explicit ? " (ENV_FILE names it)" : ""}`);
  const text = readFileSync(file, "utf8");
  checkEnvLines(text, file);
  return { file, vars: parseEnv(text) };
}
export {
  EnvFileError,
  checkEnvLines,
  readEnvFile
};
//# sourceMappingURL=env-file.js.map
