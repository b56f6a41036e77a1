import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "./open.js";
import { createSqlitePaperStore } from "./paper-store.js";
function openPaperStoreSnapshot(file) {
  if (!existsSync(file)) throw new Error(`${file}: no database to read`);
  const dir = mkdtempSync(join(tmpdir(), "papers-snapshot-"));
  try {
    const copy = join(dir, "papers.db");
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const store = createSqlitePaperStore(openDatabase(copy));
    return {
      ...store,
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
export {
  openPaperStoreSnapshot
};
//# sourceMappingURL=open-snapshot.js.map
