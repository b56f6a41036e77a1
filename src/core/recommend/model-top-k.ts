/** The k best (row, score) pairs seen, by a min-heap: no sort of every candidate. */
export class TopK {
  private readonly heap: Array<{ row: number; score: number }> = [];
  constructor(private readonly k: number) {}

  offer(row: number, score: number): void {
    const h = this.heap;
    if (h.length < this.k) {
      h.push({ row, score });
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (h[p]!.score <= h[i]!.score) break;
        [h[p], h[i]] = [h[i]!, h[p]!];
        i = p;
      }
    } else if (this.k > 0 && score > h[0]!.score) {
      h[0] = { row, score };
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]!.score < h[m]!.score) m = l;
        if (r < h.length && h[r]!.score < h[m]!.score) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
  }

  sorted(): Array<{ row: number; score: number }> {
    return [...this.heap].sort((a, b) => b.score - a.score || a.row - b.row);
  }
}
