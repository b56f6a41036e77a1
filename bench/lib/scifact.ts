import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { parseCsv } from './csv.js';

export interface SciFactDoc {
  docId: string;
  title: string;
  abstract: string;
}

export interface SciFact {
  docs: SciFactDoc[];
  queries: Map<string, string>;
  /** query id → relevant doc ids (all judgements in SciFact are relevance 1). */
  qrels: (split: 'train' | 'test') => Map<string, Set<string>>;
}

// The abstract column is a Python list of sentence strings: ['…' '…'] with either quote style.
const PY_STRING = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;

function sentences(pyList: string): string {
  const out: string[] = [];
  for (const m of pyList.matchAll(PY_STRING)) out.push((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'));
  return out.join(' ');
}

/** BEIR SciFact from ../shared/data/scifact (read in place, never copied). */
export function loadSciFact(dir: string): SciFact {
  const zip = unzipSync(readFileSync(join(dir, 'scifact.zip')), { filter: (f) => f.name === 'corpus_train.csv' });
  const rows = parseCsv(strFromU8(zip['corpus_train.csv']!)).slice(1);
  const docs = rows.filter((r) => r.length >= 3).map((r) => ({ docId: r[0]!, title: r[1]!, abstract: sentences(r[2]!) }));
  const queries = new Map<string, string>();
  for (const line of readFileSync(join(dir, 'queries.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const q = JSON.parse(line) as { _id: string; text: string };
    queries.set(q._id, q.text);
  }
  const qrels = (split: 'train' | 'test') => {
    const m = new Map<string, Set<string>>();
    for (const line of readFileSync(join(dir, 'qrels', `${split}.tsv`), 'utf8').split('\n').slice(1)) {
      const [q, d, s] = line.trim().split('\t');
      if (!q || !d || Number(s) <= 0) continue;
      if (!m.has(q)) m.set(q, new Set());
      m.get(q)!.add(d);
    }
    return m;
  };
  return { docs, queries, qrels };
}
