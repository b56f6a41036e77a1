/**
 * npm run bench:slack — 200 signed `/papers search …` slash commands, 20 in flight at a time,
 * against the real Bolt app (HTTP mode) backed by createBot over the shared data (digests,
 * hf-daily, arxiv-daily). The app runs in its own process, as in production; this process plays
 * Slack: it sends the signed requests and runs the fake Web API that receives the replies.
 * Prints p50/p99 of time to ack (the HTTP 200 Slack waits for; Slack allows 3 s) and of time to
 * the posted reply (the response_url POST arriving). Figures are as measured on this shared,
 * noisy machine.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fmtMs, percentile, runConcurrently } from './lib/load.js';
import { sharedData } from './lib/shared-data.js';

const TOTAL = 200;
const CONCURRENCY = 20;
const SECRET = 'bench-secret';
const TOPICS = [
  'model merging', 'diffusion transformers', 'reinforcement learning from human feedback', 'mixture of experts',
  'speculative decoding', 'vision language models', 'retrieval augmented generation', 'long context',
  'quantization', 'video generation', 'agents tool use', 'chain of thought reasoning', 'code generation',
  'text to speech', 'protein structure', 'graph neural networks', 'contrastive learning', 'world models',
  'preference optimization', 'multimodal benchmark',
];

if (process.argv[2] === '--app') await runApp(process.argv[3], process.argv[4]);
else await runBench();

/** Child process: the bot and the Slack adapter, as `npm start` would run them. */
async function runApp(apiUrl: string, dir: string): Promise<void> {
  const { createBot } = await import('../src/bot.js');
  const { createSlackAdapter } = await import('../src/adapters/slack/slack-adapter.js');
  const { expandInputs } = await import('../src/cli/expand-inputs.js');
  const { silentLogger } = await import('../src/core/logger.js');
  const bot = await createBot({ dataDir: dir, logger: silentLogger });
  const DATA = sharedData();
  const files = await expandInputs(['digests', 'hf-daily', 'arxiv-daily'].map((d) => join(DATA, d)));
  const t0 = performance.now();
  for (const f of files) await bot.ingest.ingestFile(f);
  const { papers } = await bot.store.stats();
  const adapter = createSlackAdapter({
    config: { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl, adminUsers: [], port: 0 },
    chat: bot.chat,
    logger: silentLogger,
  });
  await adapter.start();
  process.send?.({ port: adapter.port, files: files.length, papers, ingestS: (performance.now() - t0) / 1000 });
  process.on('message', async () => {
    await adapter.stop();
    await bot.close();
    process.exit(0);
  });
}

async function runBench(): Promise<void> {
  const { startFakeSlack } = await import('../test/fakes/slack/fake-slack.js');
  const { slashCommandBody } = await import('../test/fakes/slack/payloads.js');
  const { signSlackRequest } = await import('../test/fakes/slack/sign.js');
  const fake = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'papers-bench-slack-'));
  const child = fork(fileURLToPath(import.meta.url), ['--app', fake.apiUrl, dir], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ready = await new Promise<{ port: number; files: number; papers: number; ingestS: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; files: number; papers: number; ingestS: number }));
    child.once('exit', (code) => reject(new Error(`app process exited (${code})`)));
  });
  console.log(`app ready: ${ready.files} files ingested, ${ready.papers} papers, in ${ready.ingestS.toFixed(1)} s`);
  const url = `http://127.0.0.1:${ready.port}/slack/events`;

  // node:http, one keep-alive socket per request in flight (undici's fetch opened its sockets one
  // by one and measured its own pool rather than the app).
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  function post(target: string, body: string, headers: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.request(target, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function one(i: number, topic = TOPICS[i % TOPICS.length], userId = `U${i % 25}`): Promise<{ ack: number; reply: number; status: number }> {
    const responseUrl = fake.responseUrl(`b${i}`);
    const body = slashCommandBody(`search ${topic}`, responseUrl, { userId });
    const start = performance.now();
    const status = await post(url, body, { ...signSlackRequest(SECRET, body), 'content-type': 'application/x-www-form-urlencoded' });
    const ack = performance.now() - start;
    const posted = await fake.waitFor((c) => c.path === `/response/b${i}`, 30_000);
    return { ack, reply: posted.at - start, status };
  }

  // Warm-up with other queries and users: JIT, the index's first load, and CONCURRENCY open
  // keep-alive connections, as a running app behind a proxy has. A burst of brand-new connections
  // is slower: a busy Node process accepts one connection per event-loop turn (see the report).
  const WARM = ['attention sinks', 'tokenizer', 'benchmark contamination', 'sparse autoencoders', 'image editing'];
  for (let round = 0; round < 2; round++) {
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, k) => one(10_000 + round * 100 + k, WARM[k % WARM.length], `W${k}`)));
  }

  const { results, wallS } = await runConcurrently(TOTAL, CONCURRENCY, (i) => one(i));
  const pct = percentile;
  const fmt = fmtMs;
  const acks = results.map((r) => r.ack);
  const replies = results.map((r) => r.reply);
  console.log(`${TOTAL} signed slash-command searches, ${CONCURRENCY} at a time: ${wallS.toFixed(2)} s wall (${(TOTAL / wallS).toFixed(0)}/s), non-200 answers: ${results.filter((r) => r.status !== 200).length}`);
  console.log(`time to ack:          p50 ${fmt(pct(acks, 50))}   p99 ${fmt(pct(acks, 99))}   max ${fmt(Math.max(...acks))}`);
  console.log(`time to posted reply: p50 ${fmt(pct(replies, 50))}   p99 ${fmt(pct(replies, 99))}   max ${fmt(Math.max(...replies))}`);
  console.log(`users.info calls during the run: ${fake.callsTo('users.info').length - CONCURRENCY} for 25 distinct users (cached per user)`);

  child.send('stop');
  await new Promise((resolve) => child.once('exit', resolve));
  agent.destroy();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
}
