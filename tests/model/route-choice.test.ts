/**
 * Route choice against its definition: the simulated shares of a flow's routes match the multinomial-logit
 * probabilities of the routes' generalized costs (network layer), and `deterministic: true` always takes the cheapest.
 * Costs are static here: congestion-awareness off and capacity to spare.
 */
import { describe, expect, it } from 'vitest';
import { buildNetwork, kShortestRoutes, type ScenarioSpec, type SimulateOptions } from '../../src/index.js';
import { CorridorModel } from '../../src/model/corridor-model.js';
import { lineScenario } from './fixtures.js';

/**
 * A → B by three trains over the same line (40 h), each with room to spare:
 * - `daily`: every 24 h, 500 USD: 12 + 40 h → 5 × 52 + 500 = 760 USD;
 * - `cheap`: every 48 h, 400 USD: 24 + 40 h → 720 USD (the cheapest);
 * - `fast`: every 12 h, 650 USD, corridor Northern: 6 + 40 h → 880 USD.
 */
function threeTrains(routeChoice: Partial<ScenarioSpec['routeChoice']> = {}): ScenarioSpec {
  const base = lineScenario({ teuPerYear: 20_000, shipmentTeu: { type: 'constant', value: 1 } });
  const train = (id: string, everyHours: number, cost: number, corridor = 'ILSTC') => ({
    id,
    name: id,
    corridor,
    mode: 'rail' as const,
    stops: ['a', 'b'],
    legs: [{ costUsdPerTeu: cost }],
    timetable: { kind: 'interval' as const, everyHours },
    capacityTeu: 10_000,
  });
  return {
    ...base,
    services: [train('daily', 24, 500), train('cheap', 48, 400), train('fast', 12, 650, 'Northern')],
    routeChoice: { alternatives: 3, logitScalePerUsd: 0.01, congestionAware: false, ...routeChoice },
  };
}

const year = { seed: 17, startDate: '2024-01-01', years: 1, warmupDays: 0 } as const;

/** Bookings per service (each booking's route is one ride here), from a traced run. */
function bookingsByService(scenario: ScenarioSpec, options: SimulateOptions): Map<string, number> {
  const model = new CorridorModel(scenario, { ...options, trace: true });
  model.run();
  const counts = new Map<string, number>();
  for (const trace of model.traces()) {
    if (trace.inherited > 0) continue; // one trace per booking
    const service = (trace.route[0] as string).split('#')[0] as string;
    counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  return counts;
}

/** Logit probabilities by service from the network's generalized costs, plus extra USD per service. */
function logit(scenario: ScenarioSpec, extraUsd: Record<string, number> = {}): Map<string, number> {
  const routes = kShortestRoutes(buildNetwork(scenario), 'a', 'b', 3);
  expect(routes).toHaveLength(3);
  const scale = scenario.routeChoice.logitScalePerUsd;
  const weights = routes.map((r) => {
    const service = r.legs[0]!.baseServiceId;
    return [service, Math.exp(-scale * (r.generalizedCostUsd + (extraUsd[service] ?? 0)))] as const;
  });
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  return new Map(weights.map(([s, w]) => [s, w / total]));
}

/** Every simulated share within four binomial standard errors of its probability. */
function expectShares(counts: Map<string, number>, probabilities: Map<string, number>): void {
  const n = [...counts.values()].reduce((a, b) => a + b, 0);
  expect(n).toBeGreaterThan(15_000);
  for (const [service, p] of probabilities) {
    const share = (counts.get(service) ?? 0) / n;
    const se = Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(share - p), `${service}: share ${share}, probability ${p}`).toBeLessThan(4 * se);
  }
}

describe('route choice follows the multinomial logit of generalized costs', () => {
  it('the costs are what the scenario says', () => {
    const costs = kShortestRoutes(buildNetwork(threeTrains()), 'a', 'b', 3).map((r) => [
      r.legs[0]!.serviceId,
      r.generalizedCostUsd,
    ]);
    expect(costs).toEqual([
      ['cheap', 720],
      ['daily', 760],
      ['fast', 880],
    ]);
  });

  it('simulated shares match the logit probabilities (about 0.53 / 0.36 / 0.11)', () => {
    const scenario = threeTrains();
    expectShares(bookingsByService(scenario, year), logit(scenario));
  });

  it('and so they do with penalties on a service or a corridor (the per-booking cost path)', () => {
    const scenario = threeTrains();
    // 20 h on `daily` at 5 USD/h: +100 USD.
    expectShares(
      bookingsByService(scenario, { ...year, routePenaltyHours: { daily: 20 } }),
      logit(scenario, { daily: 100 }),
    );
    // −60 h on the Northern corridor (the `fast` train): −300 USD, now the favourite.
    const favoured = logit(scenario, { fast: -300 });
    expect(favoured.get('fast')).toBeGreaterThan(0.5);
    expectShares(bookingsByService(scenario, { ...year, corridorPenaltyHours: { Northern: -60 } }), favoured);
  });

  it('a sharper logit scale concentrates choice on the cheapest route', () => {
    const scenario = threeTrains({ logitScalePerUsd: 0.05 });
    const p = logit(scenario);
    expect(p.get('cheap')).toBeGreaterThan(0.85);
    expectShares(bookingsByService(scenario, { ...year, seed: 5 }), p);
  });

  it.each([false, true])('deterministic: true always takes the cheapest route (congestion-aware %s)', (aware) => {
    const counts = bookingsByService(threeTrains({ deterministic: true, congestionAware: aware }), year);
    expect([...counts.keys()]).toEqual(['cheap']);
    expect(counts.get('cheap')).toBeGreaterThan(15_000);
  });
});
