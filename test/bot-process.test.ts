import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fakes/discord/fake-discord.js';
import { ROOT, cleanEnv, spawnBot, type RunningBot } from './helpers/spawn-bot.js';
import { useTempDirs } from './helpers/temp-dir.js';

const tempDir = useTempDirs();
let fake: FakeDiscord | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.close();
  bot = fake = undefined;
});

/** A .env that configures Discord against the fake, and the health/metrics endpoint on any free port. */
function writeDotEnv(dir: string, f: FakeDiscord): void {
  writeFileSync(
    join(dir, '.env'),
    [
      '# papers-bot, configured the way .env.example says',
      `DISCORD_TOKEN=${f.token}`,
      `DISCORD_APP_ID=${f.appId}`,
      `DISCORD_API_URL=${f.apiUrl}`,
      `DATA_DIR=${join(dir, 'data')}`,
      `SAMPLE_DIGEST=${join(ROOT, 'data', 'sample-digest.txt')}`,
      'HF_FETCH_ENABLED=false',
      'METRICS_PORT=0',
      'LOG_LEVEL=info',
      '',
    ].join('\n'),
  );
}

const get = async (port: number, path: string) => {
  const r = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
};

/** One sample's value from Prometheus text: `name{labels} value`. */
const sample = (text: string, series: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('the bot process configured by a .env file, observed through /healthz and /metrics', { timeout: 240_000 }, () => {
  it('tokens only in .env: it says which file it read, serves Discord, and reports health and metrics', async () => {
    fake = await startFakeDiscord();
    const dir = tempDir();
    writeDotEnv(dir, fake);
    bot = spawnBot(dir, cleanEnv());
    await bot.waitForStderr(new RegExp(`configuration: ${join(dir, '.env').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}, overridden by the process environment`));
    await bot.waitForStderr(/starting Discord \(tokens found/);
    const port = Number((await bot.waitForStderr(/health and metrics on port (\d+)/))[1]);

    const [identify] = await fake.waitForGateway(2, 1, 120_000);
    expect(identify!.token).toBe(fake.token);
    await bot.waitForStderr(/"msg":"discord ready"/);

    // It serves the platform: a slash command gets an answer from the sample digest it ingested.
    const i = fake.slash(['search'], [{ name: 'topic', type: 3, value: 'model merging' }]);
    const answer = await fake.waitForCall((c) => c.path.includes(`/${i.token}`), 120_000);
    expect(JSON.stringify(answer.body), JSON.stringify(answer.body)).toMatch(/papers match \\"model merging\\"/);

    const health = await get(port, '/healthz');
    expect(health).toMatchObject({ status: 200, text: 'ok\n' });

    const metrics = await get(port, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(sample(metrics.text, 'papers_ingested_total{source="hf-digest-text"}')).toBe(74);
    expect(sample(metrics.text, 'papers_interaction_ack_seconds_count{platform="discord"}')).toBe(1);
    expect(sample(metrics.text, 'papers_search_duration_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(metrics.text, 'papers_source_fetches_total{source="hf",result="failure"}')).toBe(0);
    expect(metrics.text).toMatch(/^# HELP papers_digests_total /m);
    expect(metrics.text).toMatch(/^papers_process_resident_memory_bytes \d+/m);

    expect(await bot.stop()).toBe(0);
  });

  it('the process environment wins over .env: a blank DISCORD_TOKEN there runs the local mode', async () => {
    fake = await startFakeDiscord();
    const dir = tempDir();
    writeDotEnv(dir, fake);
    bot = spawnBot(dir, { ...cleanEnv(), DISCORD_TOKEN: '', METRICS_PORT: '' });
    bot.child.stdin!.end('/papers help\n');
    expect(await bot.exited()).toBe(0);
    expect(bot.stderr()).toMatch(/no DISCORD_TOKEN or SLACK_BOT_TOKEN set: running the local chat mode/);
    expect(fake.gatewayRecords).toEqual([]);
    expect(bot.stderr()).not.toMatch(/health and metrics/);
    expect(bot.stdout()).toMatch(/papers search/);
  });

  it('a malformed .env line stops the start with one message naming the file and the line', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.env'), 'DATA_DIR=./data\nDISCORD_TOKEN abc\n');
    bot = spawnBot(dir, cleanEnv());
    expect(await bot.exited()).toBe(1);
    expect(bot.stderr()).toBe(`papers-bot: ${join(dir, '.env')} line 2: expected KEY=value, a # comment or a blank line, got "DISCORD_TOKEN abc"\n`);
  });
});
