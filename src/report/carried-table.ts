/**
 * The backlog a projection carries from one year into the next (issue 10's carry-over): per year, the TEU under way
 * at its start (carried in) and at its end (carried out), with the 80% range over the futures, and the carried-out TEU
 * by corridor.
 *
 * @module
 */
import type { Projection } from '../experiment/projection.js';
import type { HtmlTable } from './html.js';
import { formatNumber } from './scale.js';

/** The carried-backlog table of a projection, or undefined when nothing was carried (e.g. `carryBacklog: false`). */
export function carriedTable(projection: Projection): HtmlTable | undefined {
  const carried = (y: Projection['years'][number], key: string) => y.summary.kpis[key];
  if (!projection.years.some((y) => (carried(y, 'carried/out')?.mean ?? 0) > 0)) return undefined;
  const corridors = [
    ...new Set(
      projection.years.flatMap((y) =>
        Object.keys(y.summary.kpis)
          .map((k) => /^carried\/([^/]+)\/out$/.exec(k)?.[1])
          .filter((c): c is string => c !== undefined),
      ),
    ),
  ].sort();
  const range = (k: { mean: number; p10: number; p90: number } | undefined) =>
    k === undefined ? '0' : `${formatNumber(k.mean)} (${formatNumber(k.p10)}–${formatNumber(k.p90)})`;
  return {
    caption:
      'Backlog carried over, TEU: cargo waiting and on vehicles at the start of the year (carried in) and on ' +
      '31 December (carried out, starting the next year); means over the futures with their 80% range',
    header: ['year', 'carried in (80% range)', 'carried out (80% range)', ...corridors.map((c) => `${c} out`)],
    rows: projection.years.map((y) => [
      String(y.year),
      range(carried(y, 'carried/in')),
      range(carried(y, 'carried/out')),
      ...corridors.map((c) => formatNumber(carried(y, `carried/${c}/out`)?.mean ?? 0)),
    ]),
  };
}
