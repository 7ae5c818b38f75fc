/**
 * Route choice: each booking picks one of its flow's k cheapest loopless routes (by expected generalized cost, from
 * the network layer) by multinomial logit, P(route) ∝ exp(−scale × generalized cost), or the cheapest when the
 * scenario says `deterministic`. Routes through elements that are closed (a disruption, or a service outside its
 * operating dates) at booking time are left out; choice sets are cached per set of closures.
 *
 * Both logits of the model are here:
 * - the **static** one ({@link RouteChooser.pick}): the routes' own generalized costs, cumulative probabilities
 *   computed once per choice set;
 * - the one with **live costs** ({@link RouteChooser.pickByCost}): costs the booking computes at choice time (penalty
 *   hours, the value of the backlog waiting for each route's departures; see `booking.ts`), weights computed per
 *   booking.
 * They draw from the same law; each keeps its own arithmetic (normalised cumulative probabilities against `u`, or
 * running weights against `u × total`), so a run's choices stay the same to the last bit.
 *
 * @module
 */
import { portableExp } from '../engine/portable-math.js';
import { type CorridorNetwork, kShortestRoutes, type Route } from '../network/index.js';
import type { RouteChoiceSpec } from '../scenario/types.js';

/** A flow's routes under one closure state, with cumulative logit probabilities. */
export interface ChoiceSet {
  readonly routes: readonly Route[];
  readonly cumulative: Float64Array;
}

/** What is closed at a moment: element ids by kind. */
export interface ClosureState {
  readonly hubs: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  readonly links: ReadonlySet<string>;
  /** Canonical key of the state (for caching). */
  readonly key: string;
}

/** Choice sets per (origin, destination, closure state). */
export class RouteChooser {
  private readonly cache = new Map<string, ChoiceSet>();

  constructor(
    private readonly network: CorridorNetwork,
    private readonly spec: RouteChoiceSpec,
  ) {}

  /** The choice set of an OD pair under `closures` (empty when every route is closed). */
  choiceSet(origin: string, destination: string, closures: ClosureState): ChoiceSet {
    const key = `${origin}\u0000${destination}\u0000${closures.key}`;
    let set = this.cache.get(key);
    if (set === undefined) {
      const routes =
        closures.key === ''
          ? kShortestRoutes(this.network, origin, destination, this.spec.alternatives)
          : kShortestRoutes(this.network, origin, destination, this.spec.alternatives, {
              closed: { hubs: closures.hubs, services: closures.services, links: closures.links },
            });
      set = { routes, cumulative: this.probabilities(routes) };
      this.cache.set(key, set);
    }
    return set;
  }

  /** Picks a route with the uniform draw `u` ∈ [0, 1). */
  static pick(set: ChoiceSet, u: number): Route | undefined {
    const cum = set.cumulative;
    for (let i = 0; i < cum.length; i++) if (u < (cum[i] as number)) return set.routes[i];
    return set.routes[set.routes.length - 1];
  }

  /**
   * Picks by logit over live costs: the index of the route among `costs[0..n)` (USD, cheapest first not required) for
   * the uniform draw `u` ∈ [0, 1), or of the first cheapest when the choice is deterministic. `costs` is scratch: it
   * holds the weights afterwards.
   */
  pickByCost(costs: Float64Array, n: number, u: number): number {
    let best = Number.POSITIVE_INFINITY;
    let bestIndex = 0;
    for (let i = 0; i < n; i++) {
      const cost = costs[i] as number;
      if (cost < best) {
        best = cost;
        bestIndex = i;
      }
    }
    if (this.spec.deterministic) return bestIndex;
    const scale = this.spec.logitScalePerUsd;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = portableExp(-scale * ((costs[i] as number) - best));
      costs[i] = w;
      total += w;
    }
    let acc = 0;
    const target = u * total;
    for (let i = 0; i < n; i++) {
      acc += costs[i] as number;
      if (target < acc) return i;
    }
    return n - 1;
  }

  private probabilities(routes: readonly Route[]): Float64Array {
    const n = routes.length;
    const cumulative = new Float64Array(n);
    if (n === 0) return cumulative;
    if (this.spec.deterministic || n === 1) {
      // kShortestRoutes returns routes cheapest first.
      cumulative.fill(1);
      return cumulative;
    }
    const best = routes[0]!.generalizedCostUsd;
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += portableExp(-this.spec.logitScalePerUsd * (routes[i]!.generalizedCostUsd - best));
      cumulative[i] = total;
    }
    for (let i = 0; i < n; i++) cumulative[i] = (cumulative[i] as number) / total;
    cumulative[n - 1] = 1;
    return cumulative;
  }
}
