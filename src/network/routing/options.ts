/**
 * Checking a routing query: the criterion, the value of time, the engine, the closed ids and the ends of the route,
 * each rejected with an {@link InvalidParameterError} naming the option. The checked options
 * ({@link ResolvedOptions}) carry the closures sorted and deduplicated, and a key for caches.
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';
import type { CorridorNetwork } from '../build.js';
import type { RouteCriterion, RouteOptions } from './types.js';

/** Route options checked and completed with their defaults. */
export interface ResolvedOptions {
  cache: boolean;
  by: RouteCriterion;
  valueOfTime: number;
  engine: 'compact' | 'graphology';
  /** Closed ids of the network, sorted and without repeats. */
  closed: { hubs: string[]; services: string[]; links: string[] };
  /** `closed` as a string, for cache keys. */
  closedKey: string;
}

const CRITERIA: readonly RouteCriterion[] = ['time', 'cost', 'generalized'];

function closedIds(
  network: CorridorNetwork,
  kind: 'hubs' | 'services' | 'links',
  ids: Iterable<string> | undefined,
): string[] {
  if (ids === undefined) return [];
  if (typeof ids === 'string' || typeof (ids as Iterable<string>)[Symbol.iterator] !== 'function') {
    throw new InvalidParameterError(`closed.${kind}`, ids, 'an array (or iterable) of ids');
  }
  const list = [...ids];
  list.forEach((id, i) => {
    const known =
      kind === 'hubs' ? network.hasHub(id) : kind === 'services' ? network.hasService(id) : network.hasLink(id);
    if (!known) throw new InvalidParameterError(`closed.${kind}[${i}]`, id, `a ${kind.slice(0, -1)} id of the network`);
  });
  return [...new Set(list)].sort();
}

/** Checks route options and fills in their defaults. */
export function resolveOptions(network: CorridorNetwork, options: RouteOptions = {}): ResolvedOptions {
  const by = options.by ?? 'generalized';
  if (!CRITERIA.includes(by)) throw new InvalidParameterError('by', by, `one of ${CRITERIA.join(', ')}`);
  const valueOfTime = options.valueOfTimeUsdPerTeuHour ?? network.valueOfTimeUsdPerTeuHour;
  if (typeof valueOfTime !== 'number' || !Number.isFinite(valueOfTime) || valueOfTime < 0) {
    throw new InvalidParameterError('valueOfTimeUsdPerTeuHour', valueOfTime, 'a finite number >= 0');
  }
  const engine = options.engine ?? 'compact';
  if (engine !== 'compact' && engine !== 'graphology') {
    throw new InvalidParameterError('engine', engine, 'compact or graphology');
  }
  const closed = {
    hubs: closedIds(network, 'hubs', options.closed?.hubs),
    services: closedIds(network, 'services', options.closed?.services),
    links: closedIds(network, 'links', options.closed?.links),
  };
  const closedKey = JSON.stringify(closed);
  const cache = options.cache ?? true;
  if (typeof cache !== 'boolean') throw new InvalidParameterError('cache', cache, 'true or false');
  return { cache, by, valueOfTime, engine, closed, closedKey };
}

function requireHub(network: CorridorNetwork, field: string, id: string): void {
  if (typeof id !== 'string' || !network.hasHub(id)) {
    throw new InvalidParameterError(field, id, 'a hub id of the network');
  }
}

/** Checks that `origin` and `destination` are distinct hubs of the network. */
export function requireEnds(network: CorridorNetwork, origin: string, destination: string): void {
  requireHub(network, 'origin', origin);
  requireHub(network, 'destination', destination);
  if (origin === destination) {
    throw new InvalidParameterError('destination', destination, `a hub other than the origin ("${origin}")`);
  }
}
