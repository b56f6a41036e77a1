/**
 * The words of a sorted list within `maxEdits` edits of `query`, found as minisearch's
 * SearchableMap.fuzzyGet finds them in its radix tree, walked over the list instead. In a sorted
 * list, the words under one node of the tree are a run sharing its prefix, so the walk keeps the
 * same banded Levenshtein matrix (one row per letter of the prefix: rows the previous word shares
 * are reused) and skips a whole run where a row of its prefix is past `maxEdits`.
 *
 * Why not the tree: building it from the ~66k words of a 100k-paper index took ~45 ms and ~100k
 * Map nodes, the garbage of which took as long again to collect, in a one-shot `papers search`
 * with a typo; the bot kept the tree for as long as it ran.
 *
 * `words` must be in code-point order (as Vocabulary keeps them). Prefixes are cut in UTF-16 code
 * units, as minisearch compares them; the words starting with such a prefix are still one run.
 * `found` is called in list order with each word's index and distance.
 */
export function fuzzyInSorted(words: readonly string[], query: string, maxEdits: number, found: (index: number, distance: number) => void): void {
  // As minisearch's fuzzySearch: n columns, and no word longer than the query + maxEdits matches.
  const n = query.length + 1;
  const m = n + maxEdits;
  const matrix = new Uint8Array(m * n).fill(maxEdits + 1);
  for (let j = 0; j < n; j++) matrix[j] = j;
  for (let i = 1; i < m; i++) matrix[i * n] = i;
  // Row i holds the previous word's prefix of length i, for each i up to where that word was cut
  // or ended: a word after a cut run shares less than the cut prefix with it, so each row it
  // shares was computed.
  let prev = '';
  let w = 0;
  while (w < words.length) {
    const word = words[w]!;
    let shared = 0;
    const most = Math.min(prev.length, word.length);
    while (shared < most && word.charCodeAt(shared) === prev.charCodeAt(shared)) shared++;
    let cut = 0;
    for (let i = shared + 1; i <= word.length; i++) {
      // A prefix as long as this is longer than any word within maxEdits of the query.
      if (i >= m) {
        cut = i;
        break;
      }
      const char = word[i - 1];
      const row = n * i;
      const above = row - n;
      let min = matrix[row]!;
      const jmax = Math.min(n - 1, i + maxEdits);
      for (let j = Math.max(0, i - maxEdits - 1); j < jmax; j++) {
        const d = Math.min(matrix[above + j]! + (char !== query[j] ? 1 : 0), matrix[above + j + 1]! + 1, matrix[row + j]! + 1);
        matrix[row + j + 1] = d;
        if (d < min) min = d;
      }
      if (min > maxEdits) {
        cut = i;
        break;
      }
    }
    prev = word;
    if (cut) {
      w = endOfRun(words, w, cut);
      continue;
    }
    const distance = matrix[word.length * n + n - 1]!;
    if (distance <= maxEdits) found(w, distance);
    w++;
  }
}

/**
 * The first index after `from` whose word does not share the first `length` code units of
 * words[from]. Galloping, then halving: most runs cut are short (two letters off the query).
 */
function endOfRun(words: readonly string[], from: number, length: number): number {
  const prefix = words[from]!.slice(0, length);
  const inRun = (i: number) => words[i]!.startsWith(prefix);
  // Gallop: from+1, from+2, from+4, … until a word past the run (or the end).
  let known = from;
  let probe = from + 1;
  let step = 1;
  while (probe < words.length && inRun(probe)) {
    known = probe;
    step *= 2;
    probe = from + step;
  }
  let lo = known + 1;
  let hi = Math.min(probe, words.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inRun(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
