import { createHmac } from 'node:crypto';

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret. */
export function signSlackRequest(signingSecret: string, body: string, timestampSec = Math.floor(Date.now() / 1000)): Record<string, string> {
  const sig = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${sig}`, 'x-slack-request-timestamp': String(timestampSec) };
}

export interface SignedPost {
  url: string;
  body: string;
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  signingSecret: string;
  timestampSec?: number;
  /** Override the signature (a bad one, for the 401 tests). */
  signature?: string;
  /** More headers, e.g. `x-slack-retry-num` on a retried event. */
  headers?: Record<string, string>;
}

/** POSTs as Slack does (signed); resolves with the status and body text. */
export async function postSigned(p: SignedPost): Promise<{ status: number; text: string }> {
  const headers = signSlackRequest(p.signingSecret, p.body, p.timestampSec);
  if (p.signature) headers['x-slack-signature'] = p.signature;
  const res = await fetch(p.url, { method: 'POST', headers: { ...headers, ...p.headers, 'content-type': p.contentType }, body: p.body });
  return { status: res.status, text: await res.text() };
}
