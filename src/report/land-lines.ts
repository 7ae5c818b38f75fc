/**
 * Rail, road and river legs along their lines, for the map: a leg between two hubs is drawn through the waypoints
 * the bundled {@link LAND_LINES} (an estimate) list for that pair of hubs, in either direction; a pair they do not
 * list (a short transfer, a user's own link) stays a straight line.
 *
 * @module
 */
import { LAND_LINES, type LandLines, type LinePoint } from '../data/land-lines.js';

/** The points of the leg from hub `from` (at `a`) to hub `to` (at `b`): `[a, waypoints…, b]`. */
export function landLeg(
  from: string,
  a: LinePoint,
  to: string,
  b: LinePoint,
  lines: LandLines = LAND_LINES,
): LinePoint[] {
  const forward = lines.legs[`${from}>${to}`];
  const ids = forward ?? [...(lines.legs[`${to}>${from}`] ?? [])].reverse();
  const between = ids.map((id) => {
    const point = lines.waypoints[id];
    if (!point) throw new RangeError(`the line of ${from}–${to} names an unknown waypoint "${id}"`);
    return point;
  });
  return [a, ...between, b];
}

/**
 * The line of a rail, road or river service through its stops (`ids`, positions from `position`) along the
 * bundled land lines: `[lon, lat]` points, every stop on it.
 */
export function landServiceLine(
  ids: readonly string[],
  position: (id: string) => LinePoint | undefined,
  lines: LandLines = LAND_LINES,
): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < ids.length; i++) {
    const a = position(ids[i] as string);
    const b = position(ids[i + 1] as string);
    if (!a || !b) continue;
    const leg = landLeg(ids[i] as string, a, ids[i + 1] as string, b, lines);
    for (const [k, p] of leg.entries()) if (k > 0 || points.length === 0) points.push([p[0], p[1]]);
  }
  return points;
}
