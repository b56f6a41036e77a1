/**
 * npm run bench:platforms — what running past one machine costs on the platform side, all local:
 *  1. the shared seen-delivery store (SQLite): time per firstSeen for a new and for a repeated key;
 *  2. a Slack slash command through the real Bolt app, ack time with and without de-duplication
 *     (the same app build, alternating rounds, so the ratio is measured under the same load);
 *  3. a Slack OAuth install end to end (install link → consent → redirect → installation stored).
 * Needs nothing beside the repository. Figures are as measured on this shared, noisy machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackAdapter } from '../src/adapters/slack/slack-adapter.js';
import type { ChatCore } from '../src/core/chat.js';
import { silentLogger } from '../src/core/logger.js';
import { openStorage } from '../src/core/store/open-storage.js';
import { startFakeSlack } from '../test/fakes/slack/fake-slack.js';
import { slashCommandBody } from '../test/fakes/slack/payloads.js';
import { postSigned } from '../test/fakes/slack/sign.js';
import { fmtMs, percentile } from './lib/load.js';

const SECRET = 'bench-secret';
const dir = mkdtempSync(join(tmpdir(), 'papers-bench-platforms-'));
const stores = await openStorage({ dataDir: dir });

// 1. The seen-delivery store.
const N = 20_000;
const at = new Date();
let t = performance.now();
for (let i = 0; i < N; i++) await stores.seenEvents.firstSeen(`slack:event:Ev${i}`, at);
const newUs = ((performance.now() - t) * 1000) / N;
t = performance.now();
for (let i = 0; i < N; i++) await stores.seenEvents.firstSeen(`slack:event:Ev${i}`, at);
const repeatUs = ((performance.now() - t) * 1000) / N;
t = performance.now();
const forgotten = await stores.seenEvents.forgetBefore(new Date(at.getTime() + 1));
const forgetMs = performance.now() - t;
console.log(`seen store (SQLite, WAL): new key ${newUs.toFixed(1)} µs, repeated key ${repeatUs.toFixed(1)} µs per firstSeen; forgetting ${forgotten} keys ${fmtMs(forgetMs)}`);

// 2. Ack time of a slash command, with and without de-duplication.
const fake = await startFakeSlack();
const chat = { handleText: async () => ({ text: 'ok', ephemeral: true }) } as unknown as ChatCore;
const base = { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl: fake.apiUrl, adminUsers: ['U0ALICE'], port: 0 };
const plain = createSlackAdapter({ config: base, chat, logger: silentLogger });
const deduped = createSlackAdapter({ config: base, chat, logger: silentLogger, seenEvents: stores.seenEvents });
await plain.start();
await deduped.start();
const acks: Record<'plain' | 'deduped', number[]> = { plain: [], deduped: [] };
const ROUNDS = 10;
const PER_ROUND = 30;
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, adapter] of [['plain', plain], ['deduped', deduped]] as const) {
    for (let i = 0; i < PER_ROUND; i++) {
      const body = slashCommandBody('help', fake.responseUrl());
      const t0 = performance.now();
      const res = await postSigned({ url: `http://127.0.0.1:${adapter.port}/slack/events`, body, contentType: 'application/x-www-form-urlencoded', signingSecret: SECRET });
      if (res.status !== 200) throw new Error(`ack ${res.status}`);
      acks[name].push(performance.now() - t0);
    }
  }
}
const p = (xs: number[], q: number) => percentile(xs, q);
console.log(
  `slash command ack, ${ROUNDS * PER_ROUND} each, one at a time: without de-duplication p50 ${fmtMs(p(acks.plain, 50))} / p99 ${fmtMs(p(acks.plain, 99))}; ` +
    `with it p50 ${fmtMs(p(acks.deduped, 50))} / p99 ${fmtMs(p(acks.deduped, 99))} (p50 ratio ${(p(acks.deduped, 50) / p(acks.plain, 50)).toFixed(2)})`,
);
await plain.stop();
await deduped.stop();

// 3. OAuth installs end to end.
const oauth = createSlackAdapter({
  config: { ...base, botToken: undefined, oauth: { clientId: fake.oauth.clientId, clientSecret: fake.oauth.clientSecret, stateSecret: 'bench-state-secret-0123456789', installPath: '/slack/install', redirectPath: '/slack/oauth_redirect' } },
  chat,
  logger: silentLogger,
  ...stores,
});
await oauth.start();
fake.oauth.redirectUri = `http://127.0.0.1:${oauth.port}/slack/oauth_redirect`;
const installs: number[] = [];
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  const start = await fetch(`http://127.0.0.1:${oauth.port}/slack/install`, { redirect: 'manual' });
  const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0];
  const approved = await fetch(`${start.headers.get('location')}&team=T${i}`, { redirect: 'manual' });
  const back = await fetch(approved.headers.get('location') ?? '', { headers: { cookie } });
  if (back.status !== 200) throw new Error(`install ${back.status}`);
  installs.push(performance.now() - t0);
}
console.log(`OAuth install end to end (3 HTTP round trips, oauth.v2.access + auth.test, stored): p50 ${fmtMs(p(installs, 50))}, max ${fmtMs(Math.max(...installs))}; ${await stores.installations.count('slack')} installations stored`);
await oauth.stop();
await fake.close();
await stores.close();
rmSync(dir, { recursive: true, force: true });
