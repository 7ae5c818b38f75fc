/**
 * From scenario elements to the network's: hubs with their mean times, operated services (outbound and return
 * runs) with their legs, and **rides** (boarding a service at one stop and leaving it at a later one) with the
 * expected hours and cost of doing so.
 *
 * Expected figures on a ride (all means; queueing and randomness are the simulation's business):
 * - **wait** for a departure ≈ half the headway, measured properly from the timetable (see {@link expectedWaitHours});
 * - **transit**: the sum of the legs' mean transit hours (a leg without its own uses its link's);
 * - **handling**: the mean hours per TEU (`handling.hoursPerTeu`, one box on one server) at the boarding hub and at
 *   the alighting hub;
 * - **dwell** (customs): a hub's mean clearance counts where the ride enters or leaves the hub's country there,
 *   i.e. where the previous or next stop on the ride is in another country (so at a border crossing both border
 *   hubs count, at Qinzhou a sea feeder to Singapore counts, a domestic train through Qinzhou does not). Which
 *   clearance: boxes boarding or leaving the ride at a hub with a bonded zone (`bondedDwellHours`) are unloaded into
 *   the zone and cleared there, so they take `bondedDwellHours` ({@link NetworkHub.boxDwellHours}); a vehicle passing
 *   through (an intermediate stop) stays outside the zone and is cleared as a whole with `dwellHours`
 *   ({@link NetworkHub.vehicleDwellHours}). A hub with only one of the two uses it for both. The model clears parts
 *   and vehicles the same way;
 * - **gauge change**: mean `gaugeChange.hoursPerTrain` at every intermediate stop of a rail ride;
 * - **lock**: at every intermediate stop of a river ride through a lock hub, the mean `passageHours` plus half the
 *   interval between lockages (`12 / lockagesPerDay` hours).
 *
 * A lock hub is passed through, never a place to board or leave a service: no ride starts or ends there.
 *
 * @module
 */
import type { DistributionSpec } from '../engine/distribution-spec.js';
import { meanOf } from '../engine/distributions.js';
import { RETURN_SUFFIX } from '../scenario/constants.js';
import type { HubSpec, LinkSpec, ServiceSpec, TimetableSpec } from '../scenario/types.js';

import type { NetworkHub, NetworkLeg, NetworkService, Ride, ServiceDirection } from './types.js';

/**
 * Mean wait, in hours, for the next departure of a box that arrives at a random moment:
 * - weekly: with gaps g between consecutive departures around the week, Σg² / (2·Σg) (= half the headway when the
 *   departures are evenly spaced, more when they bunch);
 * - interval: `everyHours / 2`;
 * - continuous (trucks leave when loaded): half the interval between truckloads at full daily capacity,
 *   `12 · capacityTeu / capacityTeuPerDay` hours — a small figure standing for the time to fill and dispatch a truck.
 */
export function expectedWaitHours(timetable: TimetableSpec, capacityTeu: number): number {
  switch (timetable.kind) {
    case 'weekly': {
      const times = timetable.departures.map((d) => d.day * 24 + d.hour).sort((a, b) => a - b);
      const first = times[0];
      if (first === undefined) return Number.POSITIVE_INFINITY;
      let sumSquares = 0;
      for (let i = 0; i < times.length; i++) {
        const next = i + 1 < times.length ? (times[i + 1] as number) : first + 168;
        const gap = next - (times[i] as number);
        sumSquares += gap * gap;
      }
      return sumSquares / (2 * 168);
    }
    case 'interval':
      return timetable.everyHours / 2;
    case 'continuous':
      return (12 * capacityTeu) / timetable.capacityTeuPerDay;
  }
}

/** Departures per week implied by a timetable (for trucks: truckloads per week at full daily capacity). */
export function departuresPerWeek(timetable: TimetableSpec, capacityTeu: number): number {
  switch (timetable.kind) {
    case 'weekly':
      return timetable.departures.length;
    case 'interval':
      return 168 / timetable.everyHours;
    case 'continuous':
      return (7 * timetable.capacityTeuPerDay) / capacityTeu;
  }
}

export function hubOf(spec: HubSpec): NetworkHub {
  const lock = spec.lock;
  const dwell = spec.dwellHours ? meanOf(spec.dwellHours) : 0;
  const bonded = spec.bondedDwellHours ? meanOf(spec.bondedDwellHours) : 0;
  return Object.freeze({
    id: spec.id,
    name: spec.name,
    country: spec.country,
    lat: spec.lat,
    lon: spec.lon,
    kind: spec.kind,
    handlingHours: spec.handling ? meanOf(spec.handling.hoursPerTeu) : 0,
    dwellHours: dwell,
    bondedDwellHours: bonded,
    boxDwellHours: spec.bondedDwellHours ? bonded : dwell,
    vehicleDwellHours: spec.dwellHours ? dwell : bonded,
    gaugeChangeHours: spec.gaugeChange ? meanOf(spec.gaugeChange.hoursPerTrain) : 0,
    lockHours: lock ? meanOf(lock.passageHours) + 12 / lock.lockagesPerDay : 0,
    transfers: spec.transfers !== false,
    spec,
  });
}

function legOf(
  index: number,
  from: string,
  to: string,
  link: LinkSpec,
  costUsdPerTeu: number,
  own: DistributionSpec | undefined,
): NetworkLeg {
  const transitHours = own ?? link.transitHours;
  return {
    index,
    from,
    to,
    link: link.id,
    transitHours,
    expectedTransitHours: meanOf(transitHours),
    costUsdPerTeu,
    distanceKm: link.distanceKm,
  };
}

export function operatedServices(spec: ServiceSpec, outboundLinks: LinkSpec[], backLinks: LinkSpec[] | undefined) {
  const wait = expectedWaitHours(spec.timetable, spec.capacityTeu);
  const perWeek = departuresPerWeek(spec.timetable, spec.capacityTeu);
  const make = (direction: ServiceDirection, stops: readonly string[], legs: NetworkLeg[]): NetworkService => ({
    id: direction === 'outbound' ? spec.id : `${spec.id}${RETURN_SUFFIX}`,
    baseId: spec.id,
    direction,
    name: spec.name,
    corridor: spec.corridor,
    corridorMode: spec.corridorMode,
    mode: spec.mode,
    stops,
    legs,
    timetable: spec.timetable,
    capacityTeu: spec.capacityTeu,
    expectedWaitHours: wait,
    departuresPerWeek: perWeek,
    spec,
  });
  const stops = spec.stops;
  const n = spec.legs.length;
  const outLegs: NetworkLeg[] = [];
  for (let k = 0; k < n; k++) {
    const leg = spec.legs[k] as ServiceSpec['legs'][number];
    const link = outboundLinks[k] as LinkSpec;
    outLegs.push(legOf(k, stops[k] as string, stops[k + 1] as string, link, leg.costUsdPerTeu, leg.transitHours));
  }
  const outbound = make('outbound', stops, outLegs);
  if (backLinks === undefined) return [outbound];
  const reversed = [...stops].reverse();
  const backLegs: NetworkLeg[] = [];
  for (let r = 0; r < n; r++) {
    const leg = spec.legs[n - 1 - r] as ServiceSpec['legs'][number];
    const link = backLinks[n - 1 - r] as LinkSpec;
    backLegs.push(
      legOf(r, reversed[r] as string, reversed[r + 1] as string, link, leg.costUsdPerTeu, leg.transitHours),
    );
  }
  return [outbound, make('return', reversed, backLegs)];
}

export function ridesOf(service: NetworkService, hubs: ReadonlyMap<string, NetworkHub>): Ride[] {
  const { stops, legs } = service;
  const hub = (k: number) => hubs.get(stops[k] as string) as NetworkHub;
  const rides: Ride[] = [];
  for (let i = 0; i < stops.length - 1; i++) {
    for (let j = i + 1; j < stops.length; j++) {
      if (stops[i] === stops[j] || hub(i).kind === 'lock' || hub(j).kind === 'lock') continue;
      let transit = 0;
      let cost = 0;
      let distance = 0;
      const links: string[] = [];
      for (let k = i; k < j; k++) {
        const leg = legs[k] as NetworkLeg;
        transit += leg.expectedTransitHours;
        cost += leg.costUsdPerTeu;
        distance += leg.distanceKm;
        links.push(leg.link);
      }
      let dwell = 0;
      let gauge = 0;
      let lock = 0;
      for (let k = i; k <= j; k++) {
        const h = hub(k);
        const crossesBefore = k > i && hub(k - 1).country !== h.country;
        const crossesAfter = k < j && hub(k + 1).country !== h.country;
        // Boxes board or leave the ride at its ends (cleared in a bonded zone where the hub has one); at an
        // intermediate stop the vehicle is cleared as a whole.
        if (crossesBefore || crossesAfter) dwell += k === i || k === j ? h.boxDwellHours : h.vehicleDwellHours;
        if (k > i && k < j) {
          if (service.mode === 'rail') gauge += h.gaugeChangeHours;
          if (service.mode === 'river') lock += h.lockHours;
        }
      }
      const handling = hub(i).handlingHours + hub(j).handlingHours;
      const wait = service.expectedWaitHours;
      rides.push({
        key: `${service.id}#${i}-${j}`,
        serviceId: service.id,
        baseServiceId: service.baseId,
        direction: service.direction,
        corridor: service.corridor,
        corridorMode: service.corridorMode,
        mode: service.mode,
        from: stops[i] as string,
        to: stops[j] as string,
        fromStop: i,
        toStop: j,
        hubs: stops.slice(i, j + 1),
        links,
        expectedWaitHours: wait,
        expectedTransitHours: transit,
        handlingHours: handling,
        dwellHours: dwell,
        gaugeChangeHours: gauge,
        lockHours: lock,
        expectedHours: wait + transit + handling + dwell + gauge + lock,
        costUsdPerTeu: cost,
        distanceKm: distance,
      });
    }
  }
  return rides;
}
