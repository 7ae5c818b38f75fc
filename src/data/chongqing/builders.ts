/**
 * Small builders shared by the corridor files: distributions, weekly timetables, terminal handling and links. Plain
 * data out; nothing is shared between calls of `chongqingScenario()`. The only figures here are the handling rate
 * of {@link cranes} (E) and the coordinate provenance {@link COORD} (E, corridor-facts).
 *
 * @module
 */
import type { DistributionSpec } from '../../engine/distribution-spec.js';
import type {
  CorridorId,
  HandlingSpec,
  HubSpec,
  LinkSpec,
  Mode,
  ServiceSpec,
  TimetableSpec,
} from '../../scenario/types.js';

/** Triangular distribution, hours. */
export function tri(min: number, mode: number, max: number): DistributionSpec {
  return { type: 'triangular', min, mode, max };
}

/** Evenly spaced weekly departures: n per week, the first on Monday at `firstHour` UTC. */
export function weekly(n: number, firstHour = 2): TimetableSpec {
  const departures: { day: number; hour: number }[] = [];
  for (let k = 0; k < n; k++) {
    const t = 24 + firstHour + (k * 168) / n; // hours after Sunday 00:00
    const wrapped = t % 168;
    departures.push({ day: Math.floor(wrapped / 24), hour: Math.round((wrapped % 24) * 100) / 100 });
  }
  return { kind: 'weekly', departures };
}

/**
 * Terminal handling. E: the facts give no crane counts or rates. 0.04 h per TEU on one server (≈ 25 TEU/h, typical
 * gantry/quay crane productivity with twin lifts) and a server count sized to the volume the hub handles here.
 */
export function cranes(servers: number): HandlingSpec {
  return { servers, hoursPerTeu: { type: 'lognormal', mean: 0.04, sd: 0.015 } };
}

/** Prefix of every coordinate provenance: the facts file lists coordinates as approximate estimates. */
export const COORD = 'coordinates E (corridor-facts, approximate)';

/**
 * A link of one mode. Distances not in the facts are estimates (E) from rail/road/river/sea route lengths; transit
 * hours are the typical vehicle time over the link (services may override per leg, e.g. upstream barges).
 */
export function link(
  mode: Mode,
  id: string,
  from: string,
  to: string,
  distanceKm: number,
  transitHours: DistributionSpec,
  corridor: CorridorId,
  source: string,
): LinkSpec {
  return { id, from, to, mode, distanceKm, transitHours, corridor, source };
}

/**
 * One corridor's elements, as a corridor file returns them: its hubs (any order: the index orders hubs by
 * `HUB` in hub-ids.ts), its links grouped by mode (the index places each group) and its services in scenario order.
 */
export interface CorridorPart<M extends Mode> {
  hubs: HubSpec[];
  links: Record<M, LinkSpec[]>;
  services: ServiceSpec[];
}
