import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** DATA_DIR cannot be used as it is: the message names the path, the reason and the variable. */
export class DataDirError extends Error {
  override name = 'DataDirError' as const;
}

const HINT = 'set DATA_DIR to a folder the bot may write (default ./data)';

/**
 * Checks DATA_DIR before anything opens a database there, so the failure is one sentence an operator
 * can act on rather than SQLite's "unable to open database file" and a stack trace. `write` false
 * (a read such as `papers stats`) accepts a folder that is only readable.
 */
export function checkDataDir(dataDir: string, write = true): void {
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
    throw new DataDirError(`DATA_DIR ${path} is not ${write ? 'writable' : 'readable'} (${reason(err)}): ${HINT}`);
  }
}

/** True when an error from opening the store means "this folder or file is read-only". */
export function isReadOnlyError(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  return /^(EACCES|EROFS|EPERM|SQLITE_READONLY|SQLITE_CANTOPEN)/.test(code);
}

function reason(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'ENOTDIR') return 'a parent of it is a file';
  return code ?? (err instanceof Error ? err.message : String(err));
}
