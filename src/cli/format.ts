/**
 * Plain-text tables and number formats for people (the `--json` output is for programs).
 *
 * @module
 */
import { formatNumber as num } from '../report/scale.js';
import { displayWidth, padEndToWidth, padStartToWidth } from './width.js';

// The number formats are the report's, so the CLI and the HTML report write figures alike.
export { formatNumber as num, formatPlusMinus as plusMinus } from '../report/scale.js';

/**
 * A fixed-width table: the first `leftColumns` columns (default 1) left-aligned, the others right-aligned, padded
 * by display width (a CJK name takes two columns per character; see width.ts).
 */
export function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) =>
        i < leftColumns ? padEndToWidth(c, widths[i] as number) : padStartToWidth(c, widths[i] as number),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** `1 target`, `2 targets`, `1,000 replications`: a count with its noun in the right number. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${Number.isInteger(n) ? num(n) : String(n)} ${n === 1 ? singular : plural}`;
}
