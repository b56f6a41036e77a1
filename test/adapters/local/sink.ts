import { Writable } from 'node:stream';

/** A stand-in terminal: everything written to `out`, readable back as one string. */
export function sink() {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { out, text: () => chunks.join('') };
}
