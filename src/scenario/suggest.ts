/**
 * "Did you mean …?": the known name closest to a misspelt one, for keys, ids and options.
 *
 * @module
 */

/** Levenshtein distance between `a` and `b` (insertions, deletions and substitutions cost 1). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known names closest to `name`, if any is close: the same but for case; else those that start or end with
 * `name` (`tanjung-priok` → `ilstc-feeder-tanjung-priok`), at most three; else the nearest within a few edits
 * (about one per three characters, at most `maxEdits`; all that are equally near, at most three).
 */
export function nearestNames(name: string, known: Iterable<string>, maxEdits = 3): string[] {
  const lower = name.toLowerCase();
  const candidates = [...new Set(known)];
  const same = candidates.find((k) => k.toLowerCase() === lower);
  if (same !== undefined) return [same];
  if (lower.length >= 4) {
    const containing = candidates.filter((k) => k.toLowerCase().endsWith(lower) || k.toLowerCase().startsWith(lower));
    if (containing.length > 0 && containing.length <= 3) return containing;
  }
  let best: string[] = [];
  let bestDistance = Math.min(maxEdits, Math.floor(name.length / 3));
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best.length === 0)) {
      best = [candidate];
      bestDistance = d;
    } else if (d === bestDistance) best.push(candidate);
  }
  return best.length <= 3 ? best : [];
}

/** The one known name closest to `name` (see {@link nearestNames}), if exactly one is. */
export function nearest(name: string, known: Iterable<string>, maxEdits = 3): string | undefined {
  const names = nearestNames(name, known, maxEdits);
  return names.length === 1 ? names[0] : undefined;
}

/** `expected` followed by `; did you mean "x"?` (or `one of "x", "y"?`) when known names are close to `name`. */
export function withSuggestion(expected: string, name: unknown, known: Iterable<string>): string {
  if (typeof name !== 'string') return expected;
  const names = nearestNames(name, known).map((n) => `"${n}"`);
  if (names.length === 0) return expected;
  return `${expected}; did you mean ${names.length === 1 ? names[0] : `one of ${names.join(', ')}`}?`;
}
