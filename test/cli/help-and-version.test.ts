import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPapers } from '../helpers/run-cli.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const COMMANDS = ['ingest', 'parse', 'search', 'similar', 'show', 'stats'];

describe('the CLI a person expects', () => {
  it('papers --version prints the package version', async () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-v', 'version']) {
      const r = await runPapers([flag], tempDir());
      expect([r.code, r.out, r.err]).toEqual([0, `papers-bot ${version}\n`, '']);
    }
  });

  it('papers <command> --help: exit 0 with that command\'s usage, before anything is opened or read', async () => {
    for (const command of COMMANDS) {
      for (const flag of ['--help', '-h']) {
        const data = tempDir();
        const r = await runPapers([command, 'some-arg', flag], data);
        expect(r.code, `${command} ${flag}`).toBe(0);
        expect(r.out.startsWith(`papers ${command} `), r.out).toBe(true);
        expect(r.err).toBe('');
      }
      const viaHelp = await runPapers(['help', command], tempDir());
      expect(viaHelp.out.startsWith(`papers ${command} `)).toBe(true);
    }
    // The overview names every command and how to get its detail.
    const all = await runPapers(['--help'], tempDir());
    for (const command of COMMANDS) expect(all.out).toContain(`papers ${command} `);
    expect(all.out).toContain('papers <command> --help');
  });

  it('every error starts with "papers: ", and a usage error shows that command\'s usage', async () => {
    const data = tempDir();
    const cases: Array<[string[], number, RegExp]> = [
      [['frobnicate'], 2, /^papers: unknown command "frobnicate"\n/],
      [['ingest', '--bogus'], 2, /^papers: Unknown option '--bogus'\nusage: papers ingest /],
      [['ingest'], 2, /^papers: ingest: name at least one file, directory or - \(stdin\)\nusage: papers ingest /],
      [['search', 'x', '--bogus'], 2, /^papers: unknown option '--bogus'\nusage: papers search /],
      [['search', 'x', '--limit', '99'], 2, /^papers: --limit must be at most 25 \(got 99\)\nusage: papers search /],
      [['show'], 2, /^papers: show: give a paper id/],
      [['export', '--user', 'U1'], 2, /^papers: export: --workspace is needed on slack /],
      [['export'], 2, /^papers: export: say whose bookmarks with --user/],
      [['parse', '/no/such/file'], 1, /^papers: \/no\/such\/file: /],
    ];
    for (const [argv, code, err] of cases) {
      const r = await runPapers(argv, data);
      expect(r.code, argv.join(' ')).toBe(code);
      expect(r.err, argv.join(' ')).toMatch(err);
    }
    const config = await runPapers(['stats'], data, undefined, { MAX_FILE_MB: 'lots' });
    expect(config.code).toBe(2);
    expect(config.err).toMatch(/^papers: configuration problems:\n {2}- MAX_FILE_MB: expected a number from 0.001 to 512 \(MB\), got "lots"\n$/);
  });
});
