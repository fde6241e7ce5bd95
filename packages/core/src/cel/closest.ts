/** Edit distance between two words, ignoring case (a misspelt key is often only mis-cased). */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      const same = x[i - 1] === y[j - 1] ? 0 : 1;
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + same));
    }
    row = next;
  }
  return row[y.length] ?? 0;
}

/**
 * The candidate a misspelt word most likely meant, for "did you mean …?"; undefined when
 * none is close (two edits for longer words, one for short ones, so `on` never becomes `id`).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = word.length > 4 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = distance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
