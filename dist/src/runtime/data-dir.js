import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { resolve } from "node:path";
class DataDirError extends Error {
  name = "DataDirError";
}
const HINT = "set DATA_DIR to a folder the bot may write (default ./data)";
function checkDataDir(dataDir, write = true) {
  const path = resolve(dataDir);
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new DataDirError(`DATA_DIR ${path} is a file, not a folder: ${HINT}`);
  } else {
    try {
      mkdirSync(path, { recursive: true });
    } catch (err) {
      throw new DataDirError(`DATA_DIR ${path} does not exist and cannot be created (${reason(err)}): ${HINT}`);
    }
  }
  try {
    accessSync(path, write ? constants.R_OK | constants.W_OK | constants.X_OK : constants.R_OK | constants.X_OK);
  } catch (err) {
    throw new DataDirError(`DATA_DIR ${path} is not ${write ? "writable" : "readable"} (${reason(err)}): ${HINT}`);
  }
}
function isReadOnlyError(err) {
  const code = String(err.code ?? "");
  return /^(EACCES|EROFS|EPERM|SQLITE_READONLY|SQLITE_CANTOPEN)/.test(code);
}
function reason(err) {
  const code = err.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOTDIR") return "a parent of it is a file";
  return code ?? (err instanceof Error ? err.message : String(err));
}
export {
  DataDirError,
  checkDataDir,
  isReadOnlyError
};
//# sourceMappingURL=data-dir.js.map
