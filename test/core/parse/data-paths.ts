import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared real data beside the project (../shared/data from the project root). */
export const DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../shared/data');
/** This project's crafted inputs. */
export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/digests');

export const SEED_DIGEST = path.join(DATA, 'digests/000_ef33da10a12a54aa.txt');

export function dataFiles(dir: string, ext: string): string[] {
  return fs
    .readdirSync(path.join(DATA, dir))
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => path.join(DATA, dir, f));
}

/** The seed digest's title/abstract pairs read the dumb way (blank-line paragraphs after the 5 header lines). */
export function seedPairs(): Array<{ title: string; abstract: string }> {
  const paras = fs.readFileSync(SEED_DIGEST, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).slice(5);
  const out: Array<{ title: string; abstract: string }> = [];
  for (let i = 0; i + 1 < paras.length; i += 2) out.push({ title: paras[i]!, abstract: paras[i + 1]! });
  return out;
}
