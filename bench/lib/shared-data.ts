import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The full real data set the benches read: `../shared/data` beside the project (the tests use the
 * slice in test/fixtures/data instead). When it is missing the bench stops here, saying what to do,
 * rather than failing later with ENOENT.
 */
export function sharedData(...parts: string[]): string {
  // `--data DIR` (or SHARED_DATA) points elsewhere: a git worktree has no ../shared beside it.
  const flag = process.argv.indexOf('--data');
  const given = flag > 0 ? process.argv[flag + 1] : process.env.SHARED_DATA;
  const root = given ? resolve(given) : resolve(process.cwd(), '..', 'shared', 'data');
  const path = join(root, ...parts);
  if (!existsSync(path)) {
    process.stderr.write(
      `This benchmark reads the full data set at ${path}, which is missing.\n` +
        'Put the papers-bot shared data folder beside the project (../shared/data: hf-daily/, arxiv-daily/,\n' +
        'arxiv-feeds/, arxiv-kaggle/, digests/, scifact/; test/fixtures/data/README.md names its sources),\n' +
        'and run the bench from the project root. `npm run bench:cli` needs none of it.\n',
    );
    process.exit(2);
  }
  return path;
}
