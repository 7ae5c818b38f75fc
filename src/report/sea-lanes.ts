/**
 * Sea legs along sea lanes, for the map: a leg between two ports is drawn through the waypoints of a sea-lane
 * network (the bundled {@link SEA_LANES}, an estimate) by the shortest path over its lanes, instead of a great circle
 * that would cut across Indochina. Ports are joined to the waypoints the network names for them, else to the
 * nearest waypoint within {@link MAX_ACCESS_KM}; a leg whose ends reach no waypoint stays a great circle.
 *
 * @module
 */
import { SEA_LANES, type SeaLaneNetwork, type SeaLanePoint } from '../data/sea-lanes.js';

/** Farthest a port may be from a waypoint to use the network without naming its access (km). */
export const MAX_ACCESS_KM = 600;

const RADIUS_KM = 6371;

/** Great-circle distance between two `[lon, lat]` points, km. */
export function greatCircleKm(a: SeaLanePoint, b: SeaLanePoint): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Routes sea legs through a sea-lane network (made once per network: the lanes' graph). */
export class SeaLaneRouter {
  private readonly ids: string[];
  private readonly points: SeaLanePoint[];
  private readonly neighbours: { to: number; km: number }[][];
  private readonly cache = new Map<string, SeaLanePoint[]>();

  constructor(private readonly network: SeaLaneNetwork = SEA_LANES) {
    this.ids = Object.keys(network.waypoints);
    this.points = this.ids.map((id) => network.waypoints[id] as SeaLanePoint);
    const index = new Map(this.ids.map((id, i) => [id, i]));
    this.neighbours = this.ids.map(() => []);
    for (const [a, b] of network.lanes) {
      const i = index.get(a);
      const j = index.get(b);
      if (i === undefined || j === undefined) throw new RangeError(`sea lane ${a}–${b} names an unknown waypoint`);
      const km = greatCircleKm(this.points[i] as SeaLanePoint, this.points[j] as SeaLanePoint);
      this.neighbours[i]?.push({ to: j, km });
      this.neighbours[j]?.push({ to: i, km });
    }
  }

  /**
   * The points of a leg from port `from` (at `a`) to port `to` (at `b`): `[a, waypoints…, b]`, or `[a, b]` when
   * either port reaches no waypoint or no lane joins them.
   */
  leg(from: string, a: SeaLanePoint, to: string, b: SeaLanePoint): SeaLanePoint[] {
    const key = `${from}>${to}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const starts = this.accessOf(from, a);
    const ends = this.accessOf(to, b);
    let best: { km: number; path: number[] } | undefined;
    for (const s of starts) {
      const { distance, previous } = this.shortestFrom(s);
      for (const e of ends) {
        const km =
          greatCircleKm(a, this.points[s] as SeaLanePoint) +
          (distance[e] as number) +
          greatCircleKm(this.points[e] as SeaLanePoint, b);
        if (!Number.isFinite(km) || (best && best.km <= km)) continue;
        const path: number[] = [];
        for (let at: number = e; at !== -1; at = previous[at] as number) path.unshift(at);
        best = { km, path };
      }
    }
    const points = best ? [a, ...best.path.map((i) => this.points[i] as SeaLanePoint), b] : [a, b];
    this.cache.set(key, points);
    return points;
  }

  /** The waypoints a port uses: those the network names for it, else the nearest within reach (none: []). */
  private accessOf(hub: string, at: SeaLanePoint): number[] {
    const named = this.network.access[hub];
    if (named) return named.map((id) => this.ids.indexOf(id)).filter((i) => i >= 0);
    let nearest = -1;
    let nearestKm = MAX_ACCESS_KM;
    this.points.forEach((p, i) => {
      const km = greatCircleKm(at, p);
      if (km < nearestKm) {
        nearest = i;
        nearestKm = km;
      }
    });
    return nearest >= 0 ? [nearest] : [];
  }

  /** Dijkstra from waypoint `s` (the network is small: a linear scan for the next waypoint). */
  private shortestFrom(s: number): { distance: number[]; previous: number[] } {
    const n = this.points.length;
    const distance = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
    const previous = new Array<number>(n).fill(-1);
    const done = new Array<boolean>(n).fill(false);
    distance[s] = 0;
    for (;;) {
      let u = -1;
      for (let i = 0; i < n; i++) {
        if (!done[i] && Number.isFinite(distance[i]) && (u < 0 || (distance[i] as number) < (distance[u] as number)))
          u = i;
      }
      if (u < 0) break;
      done[u] = true;
      for (const { to, km } of this.neighbours[u] ?? []) {
        const d = (distance[u] as number) + km;
        if (d < (distance[to] as number)) {
          distance[to] = d;
          previous[to] = u;
        }
      }
    }
    return { distance, previous };
  }
}

/** The router of the bundled sea lanes, made on first use. */
let bundled: SeaLaneRouter | undefined;

/**
 * The line of a sea service through its stops (`ids`, positions from `position`) along the bundled sea lanes:
 * `[lon, lat]` points, every stop on it.
 */
export function seaServiceLine(
  ids: readonly string[],
  position: (id: string) => SeaLanePoint | undefined,
): [number, number][] {
  bundled ??= new SeaLaneRouter();
  const points: [number, number][] = [];
  for (let i = 0; i + 1 < ids.length; i++) {
    const a = position(ids[i] as string);
    const b = position(ids[i + 1] as string);
    if (!a || !b) continue;
    const leg = bundled.leg(ids[i] as string, a, ids[i + 1] as string, b);
    for (const [k, p] of leg.entries()) if (k > 0 || points.length === 0) points.push([p[0], p[1]]);
  }
  return points;
}
