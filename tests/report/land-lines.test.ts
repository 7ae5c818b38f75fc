/**
 * The drawn lines of the bundled rail, road and river links (src/data/land-lines.ts): every long link has one, each
 * follows its corridor (longer than the straight line, never longer than the link itself, no jump between towns
 * that would betray a mistyped coordinate), and the map draws services along them.
 */
import { describe, expect, it } from 'vitest';
import { chongqingScenario } from '../../src/data/index.js';
import { LAND_LINES } from '../../src/data/land-lines.js';
import { landLeg, landServiceLine } from '../../src/report/land-lines.js';
import { greatCircleKm } from '../../src/report/sea-lanes.js';

const scenario = chongqingScenario();
const position = new Map(scenario.hubs.map((h) => [h.id, [h.lon, h.lat] as const]));
const landLinks = scenario.links.filter((l) => l.mode !== 'sea');

function drawnKm(points: readonly (readonly [number, number])[]): { km: number; longestStepKm: number } {
  let km = 0;
  let longestStepKm = 0;
  for (let i = 1; i < points.length; i++) {
    const step = greatCircleKm(points[i - 1] as [number, number], points[i] as [number, number]);
    km += step;
    longestStepKm = Math.max(longestStepKm, step);
  }
  return { km, longestStepKm };
}

describe('land lines of the bundled scenario', () => {
  it('name only known waypoints and hubs', () => {
    for (const [pair, ids] of Object.entries(LAND_LINES.legs)) {
      const [from, to] = pair.split('>');
      expect(position.has(from as string), pair).toBe(true);
      expect(position.has(to as string), pair).toBe(true);
      for (const id of ids) expect(LAND_LINES.waypoints[id], `${pair}: ${id}`).toBeDefined();
    }
  });

  it('cover every rail, road and river link longer than 100 km', () => {
    const missing = landLinks
      .filter((l) => l.distanceKm > 100)
      .filter((l) => !LAND_LINES.legs[`${l.from}>${l.to}`] && !LAND_LINES.legs[`${l.to}>${l.from}`])
      .map((l) => l.id);
    expect(missing).toEqual([]);
  });

  it('follow their links: at least 2/3 of the link, at most the link, no step over 900 km', () => {
    for (const link of landLinks) {
      const a = position.get(link.from) as [number, number];
      const b = position.get(link.to) as [number, number];
      const points = landLeg(link.from, a, link.to, b);
      const { km, longestStepKm } = drawnKm(points);
      expect(km, link.id).toBeLessThanOrEqual(link.distanceKm * 1.02);
      expect(longestStepKm, link.id).toBeLessThan(900);
      // A long link's line reaches at least 2/3 of its track (the straight line reaches as little as 0.57 of it).
      if (link.distanceKm > 100) expect(km, link.id).toBeGreaterThan(link.distanceKm * 0.65);
    }
  });

  it('are the same line both ways', () => {
    const a = position.get('three-gorges-locks') as [number, number];
    const b = position.get('yangshan') as [number, number];
    expect(landLeg('yangshan', b, 'three-gorges-locks', a)).toEqual(
      landLeg('three-gorges-locks', a, 'yangshan', b).reverse(),
    );
  });

  it('draw a service through its stops along the lines (CR Express via Lanzhou and Urumqi)', () => {
    const service = scenario.services.find((s) => s.id === 'cr-express-alashankou');
    expect(service).toBeDefined();
    const line = landServiceLine(service?.stops ?? [], (id) => position.get(id));
    expect(line).toContainEqual([...(LAND_LINES.waypoints.lanzhou as [number, number])]);
    expect(line).toContainEqual([...(LAND_LINES.waypoints.urumqi as [number, number])]);
    for (const stop of service?.stops ?? []) expect(line).toContainEqual([...(position.get(stop) as [number, number])]);
  });

  it('leave a pair they do not list straight, and refuse an unknown waypoint by name', () => {
    expect(landLeg('x', [0, 0], 'y', [1, 1])).toEqual([
      [0, 0],
      [1, 1],
    ]);
    const broken = { source: 'test', waypoints: {}, legs: { 'x>y': ['nowhere'] } };
    expect(() => landLeg('x', [0, 0], 'y', [1, 1], broken)).toThrow(/x–y names an unknown waypoint "nowhere"/);
  });
});
