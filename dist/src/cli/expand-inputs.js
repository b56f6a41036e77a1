import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
async function expandInputs(paths) {
  const out = [];
  for (const p of paths) {
    if (p === "-") {
      out.push(p);
      continue;
    }
    let st;
    try {
      st = await stat(p);
    } catch {
      out.push(p);
      continue;
    }
    if (!st.isDirectory()) {
      out.push(p);
      continue;
    }
    const entries = (await readdir(p, { withFileTypes: true })).filter((e) => !e.name.startsWith("."));
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = join(p, e.name);
      if (e.isDirectory()) out.push(...await expandInputs([full]));
      else out.push(full);
    }
  }
  return out;
}
export {
  expandInputs
};
//# sourceMappingURL=expand-inputs.js.map
