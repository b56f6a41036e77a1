/** Warnings are for a person to read: past this many, one line says how many more there were. */
export const MAX_WARNINGS = 50;

const MORE = /^\.\.\. and (\d+) more warnings?$/;

function moreLine(n: number): string {
  return `... and ${n} more warning${n === 1 ? '' : 's'}`;
}

/**
 * A warning list that keeps the first MAX_WARNINGS lines pushed and only counts the rest: a file of a
 * million bad entries costs a counter, not a million strings. `close()` adds the "... and N more"
 * line that capWarnings understands.
 */
export function boundedWarnings(into: string[]) {
  let kept = 0;
  let more = 0;
  return {
    push(line: string): void {
      if (kept < MAX_WARNINGS) {
        into.push(line);
        kept++;
      } else more++;
    },
    close(): void {
      if (more) into.push(moreLine(more));
      more = 0;
    },
  };
}

/**
 * At most MAX_WARNINGS lines and one "... and N more warnings" line, N counting both the lines cut
 * here and those a boundedWarnings list already summed up.
 */
export function capWarnings(warnings: string[]): string[] {
  const lines: string[] = [];
  let more = 0;
  for (const w of warnings) {
    const m = MORE.exec(w);
    if (m) more += Number(m[1]);
    else if (lines.length < MAX_WARNINGS) lines.push(w);
    else more++;
  }
  return more ? [...lines, moreLine(more)] : lines;
}
