/**
 * The map as a maritime planner reads it: sea legs along sea lanes (not across Indochina), and a base map light
 * enough that the whole report page stays small.
 */
import { describe, expect, it } from 'vitest';
import { chongqingScenario, project } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { SeaLaneRouter, seaServiceLine } from '../../src/report/sea-lanes.js';

describe('sea legs follow sea lanes', () => {
  const scenario = chongqingScenario();
  const at = (id: string) => {
    const h = scenario.hubs.find((x) => x.id === id);
    return h ? ([h.lon, h.lat] as const) : undefined;
  };

  it('Qinzhou to Singapore goes down the Gulf of Tonkin and off the Vietnamese coast, not over Laos and Cambodia', () => {
    const line = seaServiceLine(['qinzhou', 'singapore'], at);
    expect(line.length).toBeGreaterThan(4);
    expect(line[0]).toEqual(at('qinzhou'));
    expect(line.at(-1)).toEqual(at('singapore'));
    // Off the coast of central Vietnam (about 109.2° E at 12–15° N): the great circle passes near 106° E there.
    const offVietnam = line.filter(([, lat]) => lat > 11.5 && lat < 16);
    expect(offVietnam.length).toBeGreaterThan(0);
    for (const [lon] of offVietnam) expect(lon).toBeGreaterThan(109.3);
  });

  it('Yangshan to Port Klang passes the Taiwan Strait and the Singapore Strait', () => {
    const line = seaServiceLine(['yangshan', 'port-klang'], at);
    expect(line.some(([lon, lat]) => lon > 118 && lon < 121 && lat > 22.5 && lat < 26)).toBe(true);
    expect(line.some(([lon, lat]) => lon > 103 && lon < 105 && lat > 1 && lat < 1.5)).toBe(true);
  });

  it('a port the network does not know joins its nearest waypoint, or stays a straight leg when none is near', () => {
    const router = new SeaLaneRouter();
    const near = router.leg('somewhere', [108.0, 21.2], 'singapore', [103.78, 1.27]);
    expect(near.length).toBeGreaterThan(2);
    const far = router.leg('rotterdam', [4.3, 51.9], 'hamburg', [9.9, 53.5]);
    expect(far).toEqual([
      [4.3, 51.9],
      [9.9, 53.5],
    ]);
  });
});

describe('the report page size', () => {
  it('index.html of a two-year projection (the map and every chart inline) is at most 250 KB', async () => {
    const scenario = chongqingScenario();
    const projection = await project(scenario, { fromYear: 2025, toYear: 2026, replications: 2, seed: 3, workers: 0 });
    const html = buildReport({ kind: 'projection', scenario, projection, settings: { seed: 3 } }).find(
      (f) => f.name === 'index.html',
    )?.content as string;
    expect(html).toContain('id="corridor-map"');
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThanOrEqual(250 * 1024);
  }, 180_000);
});
