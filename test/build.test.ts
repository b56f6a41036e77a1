import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // The papers bin runs the bundle (dist/cli/): a worker thread it starts (the recommender's fit)
    // is found beside the module's own built file in dist/src, not beside the bundle's chunk.
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
    const cliEnv = { ...env, DATA_DIR: join(dir, 'cli') };
    const papers = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, pkg.bin.papers!), ...args], { encoding: 'utf8', env: cliEnv, cwd: dir });
    expect(papers('ingest', join(ROOT, 'data', 'sample-digest.txt')).status).toBe(0);
    const found = papers('search', 'model', 'merging', '--json');
    expect(found.status, found.stderr).toBe(0);
    const named = (JSON.parse(found.stdout) as { results: Array<{ id: string; title: string }> }).results;
    expect(named.length).toBeGreaterThan(0);
    const liked = papers('recommend', named[0]!.id, '--limit', '3', '--json');
    expect(liked.status, liked.stderr).toBe(0);
    const like = (JSON.parse(liked.stdout) as { results: Array<{ id: string }> }).results;
    expect(like).toHaveLength(3);
    expect(like.map((r) => r.id)).not.toContain(named[0]!.id);
    expect(existsSync(join(dir, 'cli', 'recommender.model'))).toBe(true);
    // The bundle on its own, without the bin: the same fit in a worker, from dist/cli/main.js.
    const bundled = join(dir, 'bundled.mjs');
    writeFileSync(bundled, `const { runCliProgram } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist', 'cli', 'main.js')).href)}); process.exitCode = await runCliProgram(['recommend', ${JSON.stringify(named[1]!.id)}, '--limit', '2', '--json']);`);
    rmSync(join(dir, 'cli', 'recommender.model'));
    const direct = spawnSync(process.execPath, [bundled], { encoding: 'utf8', env: cliEnv, cwd: dir });
    expect(direct.status, direct.stderr).toBe(0);
    expect((JSON.parse(direct.stdout) as { results: unknown[] }).results).toHaveLength(2);
    expect(existsSync(join(dir, 'cli', 'recommender.model'))).toBe(true);

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
