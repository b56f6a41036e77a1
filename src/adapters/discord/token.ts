/** Strips a "Bot "/"Bearer " prefix the same way Client#login does, so every path accepts either form. */
export function bareToken(token: string): string {
  return token.replace(/^(Bot|Bearer)\s*/i, '');
}
