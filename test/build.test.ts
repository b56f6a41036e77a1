import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, emptyEnvFile } from './helpers/spawn-bot.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();

/**
 * The built program (`prepare` → dist/, what `npm start` and the `papers` bin run). The test builds
 * it first from the current sources, so it never checks a stale dist/.
 */
describe('the built program', { timeout: 240_000 }, () => {
  it('npm run build compiles src/ and commands/; npm start and the papers bin run it as plain JavaScript', () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(ROOT, 'dist', 'src', 'main.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'commands', 'registry.js'))).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string>; bin: Record<string, string> };
    expect(pkg.scripts.start).toBe('node dist/src/main.js');

    const dir = tempDir();
    const env = { ...cleanEnv(), DATA_DIR: join(dir, 'data'), ENV_FILE: emptyEnvFile(dir) };
    const version = spawnSync(process.execPath, [join(ROOT, pkg.bin.papers!), '--version'], { encoding: 'utf8', env });
    expect(version.stdout).toBe(`papers-bot ${pkg.version}\n`);
    // No TypeScript loader anywhere in the process: plain node on dist/.
    const start = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], { input: '/papers search merging\n', encoding: 'utf8', env, cwd: ROOT, timeout: 120_000 });
    expect(start.status, start.stderr).toBe(0);
    expect(start.stderr).toMatch(/ingested the sample digest .* \(74 papers\)/);
    expect(start.stdout).toMatch(/papers match "merging"/);
    // A worker thread's entry is a file of its own in dist/: the index build's word counter runs it.
    const counter = pathToFileURL(join(ROOT, 'dist', 'src', 'core', 'search', 'count-words-in-worker.js')).href;
    // A file, not `-e`: a worker inherits the process's flags, and --input-type breaks its start.
    const script = join(dir, 'count.mjs');
    writeFileSync(script, `const c = (await import(${JSON.stringify(counter)})).startWordCounter(); console.log((await c.count([{ title: 'Model merging', abstract: 'Merging models.', authors: ['Ada'], keywords: [] }])) ?? 'no answer'); await c.close();`);
    const worker = spawnSync(process.execPath, [script], { encoding: 'utf8', env, cwd: dir });
    expect(worker.status, worker.stderr).toBe(0);
    expect(JSON.parse(worker.stdout)).toEqual({ ada: 1, merging: 1, model: 1, models: 1 });
    // The term heads' worker too, on the index the start above built from the sample digest.
    const searchDir = pathToFileURL(join(ROOT, 'dist', 'src', 'core', 'search')).href;
    const headsScript = join(dir, 'heads.mjs');
    writeFileSync(
      headsScript,
      [
        `const { keepTermHeads } = await import(${JSON.stringify(`${searchDir}/keep-term-heads.js`)});`,
        `const { openSearchDb } = await import(${JSON.stringify(`${searchDir}/search-db.js`)});`,
        `const { indexState } = await import(${JSON.stringify(`${searchDir}/term-heads.js`)});`,
        `const file = ${JSON.stringify(join(dir, 'data', 'search.db'))};`,
        'const opened = openSearchDb(file); const state = indexState(opened.db); opened.db.close();',
        'const log = { warn: (o, m) => console.error(m, o.err?.message), info() {}, debug() {}, error() {}, child: () => log };',
        'const k = keepTermHeads({ file, spec: { weights: { title: 3, abstract: 1, authors: 1, keywords: 2 }, minDf: 3, size: 2 }, log });',
        'k.refresh(state); await k.settled();',
        "const h = k.at(state); console.log(JSON.stringify({ heads: h ? h.heads.size : 0, models: h?.termOf.get('models') ?? null }));",
        'await k.close();',
      ].join('\n'),
    );
    const heads = spawnSync(process.execPath, [headsScript], { encoding: 'utf8', env, cwd: dir });
    expect(heads.status, heads.stderr).toBe(0);
    const answer = JSON.parse(heads.stdout) as { heads: number; models: string | null };
    expect(answer.heads).toBeGreaterThan(0);
    expect(answer.models).toBe('model');
  });
});
