/**
 * A whole number with its thousands grouped, `20000` → `20,000`, as `toLocaleString('en-US')`
 * writes it, without ICU: that call's first use loads ICU's number formatting, ~30 ms here, a tenth
 * of a one-shot `papers search` that names how many newest papers it ranked.
 */
export function thousands(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A count with its noun, grouped as above: `1 paper`, `42,118 papers`. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${thousands(n)} ${n === 1 ? one : many}`;
}
