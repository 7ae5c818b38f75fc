import { describe, expect, it } from 'vitest';
import {
  attributedCorridorVolume,
  attributedVolumes,
  CORRIDOR_VOLUMES_2024,
  type CorridorKey,
  chongqingExampleDisruptions,
  chongqingScenario,
  FLOW_CORRIDOR_SHARES_2024,
  HUB,
} from '../../src/data/index.js';
import {
  buildNetwork,
  type CorridorNetwork,
  kShortestRoutes,
  type Route,
  shortestRoute,
} from '../../src/network/index.js';

const spec = chongqingScenario();
const network = buildNetwork(spec);
const CQ = HUB.tuanjiecun;

/** A source tag from shared/corridor-facts.md: S (sourced), D (derived) or E (estimate), then `/`, `:` or a space. */
const TAG = /^[SDE][/: ]/;

/** Coordinates as listed in shared/corridor-facts.md ("Approximate coordinates"), lat/lon. */
const FACT_COORDINATES: Record<string, [number, number]> = {
  [HUB.tuanjiecun]: [29.61, 106.38],
  [HUB.guoyuan]: [29.65, 106.7],
  [HUB.cuntan]: [29.61, 106.62],
  [HUB.qinzhou]: [21.68, 108.61],
  [HUB.nanning]: [22.82, 108.32],
  [HUB.pingxiang]: [22.01, 106.72],
  [HUB.dongDang]: [21.95, 106.7],
  [HUB.hanoi]: [21.03, 105.85],
  [HUB.haiphong]: [20.82, 106.9],
  [HUB.hoChiMinhCity]: [10.76, 106.79],
  [HUB.singapore]: [1.27, 103.78],
  [HUB.tanjungPriok]: [-6.1, 106.88],
  [HUB.laemChabang]: [13.08, 100.88],
  [HUB.bangkok]: [13.75, 100.5],
  [HUB.portKlang]: [3.0, 101.39],
  [HUB.kunming]: [25.04, 102.71],
  [HUB.mohan]: [21.17, 101.68],
  [HUB.boten]: [21.19, 101.67],
  [HUB.vientiane]: [17.97, 102.61],
  [HUB.alashankou]: [45.17, 82.57],
  [HUB.khorgos]: [44.2, 80.41],
  [HUB.almaty]: [43.24, 76.89],
  [HUB.moscow]: [55.76, 37.62],
  [HUB.brest]: [52.1, 23.69],
  [HUB.malaszewicze]: [52.03, 23.53],
  [HUB.duisburg]: [51.43, 6.76],
  [HUB.manzhouli]: [49.6, 117.43],
  [HUB.zabaikalsk]: [49.64, 117.32],
  [HUB.threeGorges]: [30.83, 111.02],
  [HUB.yichang]: [30.69, 111.29],
  [HUB.wuhan]: [30.62, 114.55],
  [HUB.nanjing]: [32.06, 118.8],
  [HUB.yangshan]: [30.62, 122.06],
  [HUB.waigaoqiao]: [31.35, 121.6],
};

const days = (route: Route | null) => {
  if (route === null) throw new Error('no route');
  return route.expectedHours / 24;
};

const serviceIdsOf = (corridors: string[]) =>
  spec.services.filter((s) => corridors.includes(s.corridor)).map((s) => s.id);

// ---------------------------------------------------------------------------------------------------------------
// Route choice as calibrated (calibration.ts): logit over the best `alternatives` routes that make sense physically.

/** A route that changes services where `transfers: false`, re-boards the service it just left, or passes a hub twice. */
function sensible(net: CorridorNetwork, route: Route): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < route.legs.length; i++) {
    const leg = route.legs[i] as Route['legs'][number];
    if (i > 0) {
      const previous = route.legs[i - 1] as Route['legs'][number];
      if (previous.baseServiceId === leg.baseServiceId) return false;
      if (net.hub(leg.from).spec.transfers === false) return false;
    }
    for (const [j, hub] of leg.hubs.entries()) {
      if (i > 0 && j === 0) continue;
      if (seen.has(hub)) return false;
      seen.add(hub);
    }
  }
  return true;
}

function choiceSet(net: CorridorNetwork, origin: string, destination: string, k: number): Route[] {
  for (let n = k; ; n *= 2) {
    const all = kShortestRoutes(net, origin, destination, n);
    const ok = all.filter((r) => sensible(net, r));
    if (ok.length >= k || all.length < n || n >= 32) return ok.slice(0, k);
  }
}

function keyOf(route: Route): CorridorKey {
  return (route.corridorMode === undefined ? route.corridor : `${route.corridor}/${route.corridorMode}`) as CorridorKey;
}

/** Route-choice probabilities of a flow's choice set. */
function choice(origin: string, destination: string): { route: Route; p: number }[] {
  const routes = choiceSet(network, origin, destination, spec.routeChoice.alternatives);
  const best = Math.min(...routes.map((r) => r.generalizedCostUsd));
  const weights = routes.map((r) => Math.exp(-spec.routeChoice.logitScalePerUsd * (r.generalizedCostUsd - best)));
  const sum = weights.reduce((a, b) => a + b, 0);
  return routes.map((route, i) => ({ route, p: (weights[i] as number) / sum }));
}

// ---------------------------------------------------------------------------------------------------------------

describe('bundled Chongqing scenario: structure', () => {
  it('validates and builds', () => {
    expect(spec.baseYear).toBe(2024);
    expect(network.hubs()).toHaveLength(spec.hubs.length);
    expect(spec.hubs.length).toBeGreaterThanOrEqual(34);
    expect(network.corridors().sort()).toEqual(['CR-Express', 'ILSTC', 'Northern', 'Yangtze']);
    for (const id of Object.values(HUB)) expect(network.hasHub(id)).toBe(true);
  });

  it('builds with the example disruptions added', () => {
    const withDisruptions = chongqingScenario();
    withDisruptions.disruptions = chongqingExampleDisruptions(2025);
    expect(() => buildNetwork(withDisruptions)).not.toThrow();
  });

  it('puts every service in a corridor, and every ILSTC service in a sub-mode', () => {
    for (const s of spec.services) {
      expect(['ILSTC', 'CR-Express', 'Northern', 'Yangtze'], s.id).toContain(s.corridor);
      if (s.corridor === 'ILSTC') {
        expect(['rail-sea', 'cross-border-road', 'international-rail'], s.id).toContain(s.corridorMode);
      }
    }
    expect(spec.services.find((s) => s.id === 'ilstc-feeder-singapore')?.corridorMode).toBe('rail-sea');
    expect(spec.services.find((s) => s.id === 'yangtze-sea-singapore')?.corridor).toBe('Yangtze');
  });

  it('has the sourced train, barge and distance figures', () => {
    const train = spec.services.find((s) => s.id === 'ilstc-rail-sea-train');
    expect(train?.capacityTeu).toBe(108);
    const link = (id: string) => spec.links.find((l) => l.id === id)?.distanceKm ?? Number.NaN;
    expect(link('rail-chongqing-qinzhou')).toBe(1_450);
    const crExpress = [
      'rail-chongqing-alashankou',
      'rail-alashankou-almaty',
      'rail-almaty-moscow',
      'rail-moscow-brest',
      'rail-brest-malaszewicze',
      'rail-malaszewicze-duisburg',
    ];
    expect(crExpress.reduce((sum, id) => sum + link(id), 0)).toBe(11_179);
    const truckKm = link('road-chongqing-pingxiang') + link('road-pingxiang-hanoi');
    expect(truckKm).toBeGreaterThanOrEqual(1_200);
    expect(truckKm).toBeLessThanOrEqual(1_400);
    const riverKm = link('river-guoyuan-three-gorges') + link('river-three-gorges-waigaoqiao');
    expect(Math.abs(riverKm - 2_400)).toBeLessThanOrEqual(100);
    for (const s of spec.services.filter((x) => x.mode === 'river')) expect(s.capacityTeu).toBe(300);
  });

  it('models the gauge changes, the congested Polish border and the Three Gorges locks', () => {
    const hub = (id: string) => spec.hubs.find((h) => h.id === id);
    for (const id of [HUB.alashankou, HUB.khorgos, HUB.malaszewicze, HUB.zabaikalsk]) {
      expect(hub(id)?.gaugeChange, id).toBeDefined();
    }
    expect(hub(HUB.alashankou)?.gaugeChange?.hoursPerTrain).toEqual({ type: 'triangular', min: 1, mode: 1.5, max: 2 });
    expect(network.hub(HUB.alashankou).gaugeChangeHours).toBeCloseTo(1.5, 10);
    expect(network.hub(HUB.mohan).dwellHours).toBeLessThan(5);
    expect(hub(HUB.threeGorges)?.kind).toBe('lock');
    expect(hub(HUB.threeGorges)?.lock?.closures?.perYear).toBeGreaterThan(0);
  });

  it('has demand both ways for every pair, seasonality averaging exactly 1 and the 2025 target', () => {
    const { flows, seasonality } = spec.demand;
    const ids = new Set(flows.map((f) => f.id));
    for (const f of flows) {
      expect(f.teuPerYear, f.id).toBeGreaterThan(0);
      const twin = f.id.endsWith('-export') ? f.id.replace(/-export$/, '-import') : f.id.replace(/-import$/, '-export');
      expect(ids.has(twin), f.id).toBe(true);
    }
    expect(seasonality).toHaveLength(12);
    expect(Math.abs(seasonality.reduce((a, b) => a + b, 0) / 12 - 1)).toBeLessThan(1e-12);
    expect(seasonality[0]).toBe(0.7);
    expect(seasonality[1]).toBe(0.7);
    expect(spec.targets).toEqual([
      expect.objectContaining({ id: 'ilstc-2025', corridor: 'ILSTC', year: 2025, teu: 270_000 }),
    ]);
    const ilstc = spec.history.find((h) => h.id === 'ilstc-chongqing');
    expect(ilstc?.points.map((p) => p.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(ilstc?.points.at(-1)?.value).toBe(251_800);
  });
});

describe('bundled Chongqing scenario: provenance', () => {
  it('tags every hub, link, service, flow, target, history point and example disruption', () => {
    const tagged: [string, string | undefined][] = [
      ...spec.hubs.map((h): [string, string | undefined] => [`hub ${h.id}`, h.source]),
      ...spec.links.map((l): [string, string | undefined] => [`link ${l.id}`, l.source]),
      ...spec.services.map((s): [string, string | undefined] => [`service ${s.id}`, s.source]),
      ...spec.demand.flows.map((f): [string, string | undefined] => [`flow ${f.id}`, f.source]),
      ['demand', spec.demand.source],
      ...spec.targets.map((t): [string, string | undefined] => [`target ${t.id}`, t.source]),
      ...spec.history.flatMap((series) =>
        series.points.map((p): [string, string | undefined] => [`history ${series.id} ${p.year}`, p.source]),
      ),
      ...chongqingExampleDisruptions().map((d): [string, string | undefined] => [`disruption ${d.id}`, d.source]),
      ...CORRIDOR_VOLUMES_2024.map((v): [string, string | undefined] => [`volume ${v.corridor}`, v.source]),
    ];
    for (const [what, source] of tagged) expect(source, what).toMatch(TAG);
  });

  it('places the hubs at the coordinates of corridor-facts.md', () => {
    for (const [id, [lat, lon]] of Object.entries(FACT_COORDINATES)) {
      const hub = spec.hubs.find((h) => h.id === id);
      expect(hub, id).toBeDefined();
      expect([hub?.lat, hub?.lon], id).toEqual([lat, lon]);
    }
    // Hubs not in the facts must say their coordinates are estimates.
    for (const hub of spec.hubs.filter((h) => !(h.id in FACT_COORDINATES))) expect(hub.source, hub.id).toMatch(/^E:/);
  });
});

describe('bundled Chongqing scenario: expected door-to-door times', () => {
  it('Chongqing–Singapore via the ILSTC takes about 7–12 days', () => {
    const route = shortestRoute(network, CQ, HUB.singapore, { by: 'time' });
    expect(route?.corridor).toBe('ILSTC');
    expect(days(route)).toBeGreaterThanOrEqual(7);
    expect(days(route)).toBeLessThanOrEqual(12);
  });

  it('Chongqing–Singapore via the Yangtze and Shanghai takes about 18–25 days (≈ 3 weeks)', () => {
    const closed = { services: serviceIdsOf(['ILSTC', 'CR-Express', 'Northern']) };
    for (const [from, to] of [
      [CQ, HUB.singapore],
      [HUB.singapore, CQ],
    ] as const) {
      const route = shortestRoute(network, from, to, { closed });
      expect(route?.corridor).toBe('Yangtze');
      expect(route?.legs.map((l) => l.mode)).toEqual(from === CQ ? ['road', 'river', 'sea'] : ['sea', 'river', 'road']);
      expect(days(route)).toBeGreaterThanOrEqual(18);
      expect(days(route)).toBeLessThanOrEqual(25);
    }
    // The river route is also in the shippers' choice set without closures.
    expect(choice(CQ, HUB.singapore).some(({ route }) => route.corridor === 'Yangtze')).toBe(true);
  });

  it('Chongqing–Duisburg takes 12–18 days by either border', () => {
    for (const via of ['cr-express-alashankou', 'cr-express-khorgos']) {
      const other = via === 'cr-express-alashankou' ? 'cr-express-khorgos' : 'cr-express-alashankou';
      const route = shortestRoute(network, CQ, HUB.duisburg, { closed: { services: [other] } });
      expect(route?.legs.map((l) => l.baseServiceId)).toEqual([via]);
      expect(days(route)).toBeGreaterThanOrEqual(12);
      expect(days(route)).toBeLessThanOrEqual(18);
    }
  });

  it('Chongqing–Hanoi by truck takes 40–48 h', () => {
    for (const [from, to] of [
      [CQ, HUB.hanoi],
      [HUB.hanoi, CQ],
    ] as const) {
      const route = shortestRoute(network, from, to, { by: 'time' });
      expect(route?.corridorMode).toBe('cross-border-road');
      expect(route?.expectedHours).toBeGreaterThanOrEqual(40);
      expect(route?.expectedHours).toBeLessThanOrEqual(48);
    }
  });

  it('Chongqing–Vientiane and Chongqing–Hanoi by rail take 4–5 days', () => {
    const laos = shortestRoute(network, CQ, HUB.vientiane, { by: 'time' });
    expect(laos?.legs.map((l) => l.baseServiceId)).toEqual(['ilstc-rail-laos']);
    const vietnam = shortestRoute(network, CQ, HUB.hanoi, { closed: { services: ['ilstc-truck-hanoi'] } });
    expect(vietnam?.legs.map((l) => l.baseServiceId)).toEqual(['ilstc-rail-vietnam']);
    for (const route of [laos, vietnam]) {
      expect(days(route)).toBeGreaterThanOrEqual(4);
      expect(days(route)).toBeLessThanOrEqual(5);
    }
  });

  it('Chongqing–Moscow via Manzhouli takes 14–18 days; the Yangtze expresses ~8 and ~10 days', () => {
    const northern = shortestRoute(network, CQ, HUB.moscow, { closed: { services: serviceIdsOf(['CR-Express']) } });
    expect(northern?.corridor).toBe('Northern');
    expect(days(northern)).toBeGreaterThanOrEqual(14);
    expect(days(northern)).toBeLessThanOrEqual(18);
    const waigaoqiao = days(shortestRoute(network, HUB.guoyuan, HUB.waigaoqiao));
    const yangshan = days(shortestRoute(network, HUB.guoyuan, HUB.yangshan));
    expect(waigaoqiao).toBeGreaterThanOrEqual(7.5);
    expect(waigaoqiao).toBeLessThanOrEqual(9);
    expect(yangshan).toBeGreaterThanOrEqual(9.5);
    expect(yangshan).toBeLessThanOrEqual(11);
  });

  it('Chongqing–Jakarta takes under the 20 days reported for 2025', () => {
    expect(days(shortestRoute(network, CQ, HUB.tanjungPriok))).toBeLessThan(20);
  });
});

describe('bundled Chongqing scenario: 2024 calibration', () => {
  it('attributes the documented corridor volumes to the demand flows', () => {
    for (const volume of CORRIDOR_VOLUMES_2024) {
      const teu = attributedCorridorVolume(spec.demand.flows, volume.corridor, volume.corridorMode);
      const label = `${volume.corridor}${volume.corridorMode ? `/${volume.corridorMode}` : ''}`;
      expect(Math.abs(teu / volume.teu - 1), `${label}: ${teu.toFixed(0)} vs ${volume.teu}`).toBeLessThan(0.005);
    }
    expect(Math.abs(attributedCorridorVolume(spec.demand.flows, 'ILSTC') - 251_800)).toBeLessThan(500);
  });

  it('has shares for every flow, each summing to 1', () => {
    for (const f of spec.demand.flows) {
      const shares = FLOW_CORRIDOR_SHARES_2024[f.id];
      expect(shares, f.id).toBeDefined();
      const sum = Object.values(shares ?? {}).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - 1), f.id).toBeLessThan(1e-9);
    }
    expect(Object.keys(FLOW_CORRIDOR_SHARES_2024).sort()).toEqual(spec.demand.flows.map((f) => f.id).sort());
  });

  it('uses the shares that route choice on the bundled network gives', () => {
    const mismatches: string[] = [];
    for (const f of spec.demand.flows) {
      const computed = new Map<CorridorKey, number>();
      for (const { route, p } of choice(f.origin, f.destination)) {
        computed.set(keyOf(route), (computed.get(keyOf(route)) ?? 0) + p);
      }
      const recorded = FLOW_CORRIDOR_SHARES_2024[f.id] ?? {};
      const keys = new Set<CorridorKey>([...computed.keys(), ...(Object.keys(recorded) as CorridorKey[])]);
      for (const key of keys) {
        const a = computed.get(key) ?? 0;
        const b = recorded[key] ?? 0;
        if (Math.abs(a - b) > 0.01) mismatches.push(`${f.id} ${key}: routing ${a.toFixed(3)}, recorded ${b}`);
      }
    }
    // On failure: recompute FLOW_CORRIDOR_SHARES_2024 and re-solve OD_TEU_2024 (see calibration.ts).
    expect(mismatches).toEqual([]);
  });

  it('leaves every service room for the peak month at 2024 demand', () => {
    const load = new Map<string, number[]>();
    for (const f of spec.demand.flows) {
      for (const { route, p } of choice(f.origin, f.destination)) {
        for (const leg of route.legs) {
          const perLeg =
            load.get(leg.serviceId) ?? new Array<number>(network.service(leg.serviceId).legs.length).fill(0);
          for (let i = leg.fromStop; i < leg.toStop; i++) perLeg[i] = (perLeg[i] ?? 0) + p * f.teuPerYear;
          load.set(leg.serviceId, perLeg);
        }
      }
    }
    const peak = Math.max(...spec.demand.seasonality);
    for (const service of network.services()) {
      const annualCapacity = (service.capacityTeu * service.departuresPerWeek * 365) / 7;
      const busiest = Math.max(0, ...(load.get(service.id) ?? []));
      expect((busiest * peak) / annualCapacity, service.id).toBeLessThan(0.9);
    }
    // The ILSTC rail-sea train is the corridor's workhorse: well used, not idle.
    const train = network.service('ilstc-rail-sea-train');
    const trainCapacity = (train.capacityTeu * train.departuresPerWeek * 365) / 7;
    expect(Math.max(...(load.get(train.id) ?? [0])) / trainCapacity).toBeGreaterThan(0.5);
  });

  it('attributes volumes only to known corridor keys', () => {
    const keys = [...attributedVolumes(spec.demand.flows).keys()].sort();
    expect(keys).toEqual(
      [
        'CR-Express',
        'ILSTC/cross-border-road',
        'ILSTC/international-rail',
        'ILSTC/rail-sea',
        'Northern',
        'Yangtze',
      ].sort(),
    );
  });
});

describe('chongqingScenario()', () => {
  it('returns a fresh deep copy on every call', () => {
    const a = chongqingScenario();
    const b = chongqingScenario();
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    a.hubs[0]!.lat = 0;
    a.services.find((s) => s.id === 'ilstc-rail-sea-train')!.capacityTeu = 1;
    a.demand.flows.length = 0;
    a.demand.seasonality[0] = 5;
    a.links[0]!.distanceKm = -1;
    const c = chongqingScenario();
    expect(c).toEqual(b);
    expect(c.hubs[0]?.lat).toBe(29.61);
    expect(c.services.find((s) => s.id === 'ilstc-rail-sea-train')?.capacityTeu).toBe(108);
    expect(c.demand.flows.length).toBeGreaterThan(0);
  });
});
