/**
 * npm run bench:cli [RUNS] [--data-dir DIR] — start-up cost of the `papers` command, in one run:
 *   tsx     the sources through tsx's loader (what bin/papers.mjs did before dist/ existed)
 *   files   the built program one file per module, dist/src/ (bin/papers.mjs until the bundle)
 *   bundle  the built program's bundle, dist/cli/ (bin/papers.mjs today)
 * for `papers --help`, `papers stats` and `papers search model merging`, each run RUNS times in a
 * fresh process, alternating, and printed as min / median / max wall time. The store holds the
 * bundled sample digest, or is DIR's (a data directory kept by `bench:search -- --keep`, say).
 * Builds dist/ first so it measures the current sources. Figures only: the machine is shared.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';

const RUNS = Number(process.argv[2]?.startsWith('--') ? 15 : (process.argv[2] ?? 15));
const dataDirArg = process.argv.indexOf('--data-dir');
const keptData = dataDirArg > 0 ? resolve(process.argv[dataDirArg + 1]!) : undefined;
const root = resolve('.');
const dir = mkdtempSync(join(os.tmpdir(), 'papers-bench-cli-'));
const env = { ...process.env, DATA_DIR: keptData ?? join(dir, 'data'), ENV_FILE: join(dir, 'empty.env'), LOG_LEVEL: 'warn' };
writeFileSync(env.ENV_FILE, '');

// The old bin, verbatim in behaviour: register tsx, import the TypeScript entry, run.
const tsxBin = join(dir, 'papers-tsx.mjs');
writeFileSync(
  tsxBin,
  `import { register } from ${JSON.stringify(join(root, 'node_modules/tsx/dist/esm/api/index.mjs'))};\n` +
    `register();\nconst { runCliProgram } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});\nprocess.exitCode = await runCliProgram(process.argv.slice(2));\n`,
);
// dist/src/cli/main.js, as bin/papers.mjs imported it before the bundle.
const filesBin = join(dir, 'papers-files.mjs');
writeFileSync(
  filesBin,
  `const { runCliProgram } = await import(${JSON.stringify(join(root, 'dist/src/cli/main.js'))});\nprocess.exitCode = await runCliProgram(process.argv.slice(2));\n`,
);
const distBin = join(root, 'bin', 'papers.mjs');
const arms = [
  ['tsx', tsxBin],
  ['files', filesBin],
  ['bundle', distBin],
] as const;

function run(bin: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, bin ? [bin, ...args] : args, { env, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
if (!keptData) run(distBin, ['ingest', join(root, 'data', 'sample-digest.txt'), '--date', '2025-04-22']);

const cases = [
  ['--help', ['--help']],
  ['stats', ['stats']],
  ['search', ['search', 'model', 'merging']],
] as const;
const times = new Map<string, number[]>();
// The anchor: a bare `node -e 0` in the same loop, so the figures read against what Node alone costs here.
const bare = 'node -e 0 (anchor)';
// Warm the file cache once each, then alternate so load on the machine hits both alike.
for (const [, args] of cases) for (const [, bin] of arms) run(bin, [...args]);
for (let i = 0; i < RUNS; i++) {
  times.set(bare, [...(times.get(bare) ?? []), run('', ['-e', '0'])]);
  for (const [name, args] of cases) {
    for (const [label, bin] of arms) {
      const key = `papers ${name} (${label})`;
      times.set(key, [...(times.get(key) ?? []), run(bin, [...args])]);
    }
  }
}

const fmt = (ms: number) => `${Math.round(ms)} ms`;
console.log(`bench:cli — ${RUNS} runs each, node ${process.version}, ${os.cpus().length} cpus (shared machine: compare rows of this run)`);
console.log(`store: ${keptData ?? 'the sample digest (74 papers)'}`);
console.log('command                        min      median   max');
for (const [key, list] of times) {
  const s = [...list].sort((a, b) => a - b);
  console.log(`${key.padEnd(29)}  ${fmt(s[0]!)}   ${fmt(s[Math.floor(s.length / 2)]!)}   ${fmt(s[s.length - 1]!)}`);
}
for (const [name] of cases) {
  const med = (label: string) => {
    const s = [...times.get(`papers ${name} (${label})`)!].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  };
  const anchor = [...times.get(bare)!].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  console.log(
    `papers ${name} (medians): bundle ${(med('bundle') / med('files')).toFixed(2)}× files, ${(med('bundle') / med('tsx')).toFixed(2)}× tsx; over bare node: tsx +${fmt(med('tsx') - anchor)}, files +${fmt(med('files') - anchor)}, bundle +${fmt(med('bundle') - anchor)}`,
  );
}
rmSync(dir, { recursive: true, force: true });
