import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Files named on the command line, directories expanded (recursively, sorted, hidden files skipped). */
export async function expandInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push(p);
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch {
      out.push(p); // reported as unreadable by the ingest service, with the other files still ingested
      continue;
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(p, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = join(p, e.name);
      if (e.isDirectory()) out.push(...(await expandInputs([full])));
      else out.push(full);
    }
  }
  return out;
}
