// "Did you mean …": the known code closest to an unknown one by edit distance (a transposition counts
// as one edit — the usual typo), ties broken by the shorter, then alphabetical, so the hint is stable.

export function nearestCode(unknown: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const code of known) {
    const d = editDistance(unknown.toLowerCase(), code.toLowerCase());
    if (
      d < bestDistance ||
      (d === bestDistance && best !== undefined && (code.length < best.length || (code.length === best.length && code < best)))
    ) {
      best = code;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  // One flat table, row-major: d(i, j) = cell[i * cols + j].
  const cell = new Array<number>(rows * cols).fill(0);
  const at = (i: number, j: number): number => cell[i * cols + j]!;
  for (let i = 0; i < rows; i++) cell[i * cols] = i;
  for (let j = 0; j < cols; j++) cell[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      cell[i * cols + j] = best;
    }
  }
  return at(a.length, b.length);
}
