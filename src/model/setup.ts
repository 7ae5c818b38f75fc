/**
 * Setup: the runtime of each hub (cranes, clearance, gauge-change tracks, lock, gate), link (gate) and service
 * (stops, legs, departure queues, where the vehicle is cleared, re-gauged or locked through) built from the network
 * before the run, with the random streams each owns.
 *
 * @module
 */
import { type Distribution, distributionFromSpec } from '../engine/distributions.js';
import { DepartureQueue } from '../engine/resources/departure-queue.js';
import { Gate } from '../engine/resources/gate.js';
import { RingQueue } from '../engine/resources/ring-queue.js';
import { ServerCalendar } from '../engine/resources/server-calendar.js';
import { ServerPool } from '../engine/resources/server-pool.js';
import type { NetworkHub, NetworkService } from '../network/index.js';
import { parseIsoUtc } from '../scenario/index.js';
import { gaugeChanged } from './borders.js';
import { startLeg } from './departures.js';
import { DurationCollector } from './durations.js';
import type { ServiceEmissions } from './emissions-state.js';
import type {
  HubRuntime,
  LinkRuntime,
  LockFlight,
  LockRuntime,
  ModelState,
  Part,
  ServiceRuntime,
  Trip,
} from './runtime.js';
import { atStop } from './trips.js';

export function hubRuntime(m: ModelState, net: NetworkHub): HubRuntime {
  const spec = net.spec;
  const path = `hubs[${spec.id}]`;
  const dwell = spec.dwellHours ? distributionFromSpec(spec.dwellHours, `${path}.dwellHours`) : undefined;
  const bonded = spec.bondedDwellHours
    ? distributionFromSpec(spec.bondedDwellHours, `${path}.bondedDwellHours`)
    : undefined;
  const handlingHours = spec.handling
    ? distributionFromSpec(spec.handling.hoursPerTeu, `${path}.handling.hoursPerTeu`)
    : undefined;
  const hub: HubRuntime = {
    net,
    handling: undefined,
    handlingHours,
    handlingRng: m.streams.stream(`hub/${spec.id}/handling`),
    // A bonded zone clears the boxes unloaded into it; vehicles passing through stay outside (network/build.ts).
    boxDwell: bonded ?? dwell,
    vehicleDwell: dwell ?? bonded,
    dwellRng: m.streams.stream(`hub/${spec.id}/dwell`),
    minHandlingHours: Math.max(0, handlingHours?.min ?? 0),
    minBoxDwell: Math.max(0, (bonded ?? dwell)?.min ?? 0),
    tracks: spec.gaugeChange?.tracks ?? 0,
    gauge: undefined,
    gaugeHours: spec.gaugeChange
      ? distributionFromSpec(spec.gaugeChange.hoursPerTrain, `${path}.gaugeChange.hoursPerTrain`)
      : undefined,
    gaugeRng: m.streams.stream(`hub/${spec.id}/gauge`),
    lock: undefined,
    gate: new Gate<Trip>(m.sim, {
      name: path,
      onPass: (trip, waited) => {
        trip.held = waited;
        atStop(m, trip);
      },
    }),
    closed: 0,
    slow: 1,
    processingTeu: 0,
    handledTeu: 0,
    handlingWait: new DurationCollector(),
    departureWait: new DurationCollector(),
    gaugeWait: new DurationCollector(),
    handlingHoursByMonth: spec.handling ? new Float64Array(m.calendar.months.length) : undefined,
    gaugeHoursByMonth: spec.gaugeChange ? new Float64Array(m.calendar.months.length) : undefined,
    handlingCo2e: undefined,
    boxStocks: undefined,
  };
  const mutable = hub as {
    handling: ServerCalendar | undefined;
    gauge: ServerPool<Trip | null> | undefined;
    lock: LockRuntime | undefined;
  };
  if (spec.handling) {
    const calendar = new ServerCalendar(spec.handling.servers, `${path}.handling`, {
      fromHour: m.calendar.startHour,
      toHour: m.calendar.endHour,
    });
    // Hub closures are known in advance: no crane starts a box while the hub is closed.
    for (const d of m.scenario.disruptions) {
      if (d.element.kind !== 'hub' || d.element.id !== spec.id || d.effect.kind !== 'close') continue;
      const from = m.calendar.hourOf(parseIsoUtc(`disruptions[${d.id}].start`, d.start));
      const to = m.calendar.hourOf(parseIsoUtc(`disruptions[${d.id}].end`, d.end));
      if (to > from) calendar.closeDuring(from, to);
    }
    mutable.handling = calendar;
  }
  if (spec.gaugeChange) {
    // Background trains are `null` jobs: they take a track and leave; only the scenario's trains are measured.
    mutable.gauge = new ServerPool<Trip | null>(m.sim, {
      servers: spec.gaugeChange.tracks,
      name: `${path}.gaugeChange`,
      onComplete: (trip, waited) => {
        if (trip !== null) gaugeChanged(m, hub, trip, waited);
      },
    });
  }
  if (spec.lock) {
    const flight = (): LockFlight => ({ queue: new RingQueue<Trip | null>(), arrived: new RingQueue<number>() });
    mutable.lock = {
      spec: spec.lock,
      hub,
      flights: [flight(), flight()],
      passage: distributionFromSpec(spec.lock.passageHours, `${path}.lock.passageHours`),
      passageRng: m.streams.stream(`lock/${spec.id}/passage`),
      closed: 0,
      closures: 0,
      closedSince: 0,
      closedHours: 0,
      vessels: 0,
      barges: 0,
      wait: new DurationCollector(),
      vesselsByMonth: new Float64Array(m.calendar.months.length),
      placesByMonth: new Float64Array(m.calendar.months.length),
    };
  }
  return hub;
}

export function serviceRuntime(m: ModelState, net: NetworkService): ServiceRuntime {
  const path = `services[${net.baseId}]`;
  const stops = net.stops.map((id) => m.hubs.get(id) as HubRuntime);
  const n = stops.length;
  const country = (i: number) => (stops[i] as HubRuntime).net.country;
  const intermediate = (i: number) => i > 0 && i < n - 1;
  const fromHour = net.spec.startDate
    ? m.calendar.hourOf(parseIsoUtc(`${path}.startDate`, net.spec.startDate))
    : Number.NEGATIVE_INFINITY;
  const toHour = net.spec.endDate
    ? m.calendar.hourOf(parseIsoUtc(`${path}.endDate`, net.spec.endDate))
    : Number.POSITIVE_INFINITY;
  const legTransit = net.legs.map((leg, i) =>
    distributionFromSpec(leg.transitHours, `${path}.legs[${i}].transitHours`),
  );
  const minTransitTo = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    minTransitTo[i] = (minTransitTo[i - 1] as number) + Math.max(0, (legTransit[i - 1] as Distribution).min);
  }
  return {
    net,
    stops,
    legTransit,
    minTransitTo,
    legLinks: net.legs.map((leg) => m.links.get(leg.link) as LinkRuntime),
    queues: stops
      .slice(0, -1)
      .map((hub) => new DepartureQueue<Part>(m.sim, { name: `${net.id}@${hub.net.id}`, loading: 'split' })),
    vehicleDwell: stops.map(
      (hub, i) =>
        intermediate(i) &&
        hub.vehicleDwell !== undefined &&
        (country(i - 1) !== country(i) || country(i + 1) !== country(i)),
    ),
    gaugeChange: stops.map((hub, i) => intermediate(i) && net.mode === 'rail' && hub.gauge !== undefined),
    lockSide: stops.map((hub, i) => {
      // Only vessels lock through (routing counts lock hours on river rides only).
      if (!intermediate(i) || hub.lock === undefined || net.mode !== 'river') return -1;
      return (stops[i - 1] as HubRuntime).net.lon < hub.net.lon ? 0 : 1;
    }),
    transitRng: m.streams.stream(`service/${net.id}/transit`),
    capacityTeu: net.capacityTeu,
    headwayHours: 168 / net.departuresPerWeek,
    truckIntervalHours:
      net.timetable.kind === 'continuous' ? (24 * net.capacityTeu) / net.timetable.capacityTeuPerDay : 0,
    nextTruckAt: 0,
    truckScheduled: false,
    fromHour,
    toHour,
    closed: 0,
    slow: 1,
    boardsDownstream: false,
    departures: 0,
    departuresRun: 0,
    teuLoaded: 0,
    capacityOffered: 0,
    teuLegs: 0,
    maxOnBoard: 0,
    peakLoadByMonth: new Float64Array(m.calendar.months.length),
    teuLegsByMonth: new Float64Array(m.calendar.months.length),
    capacityByMonth: new Float64Array(m.calendar.months.length),
    splits: 0,
    waitForDepartureSum: 0,
    waitForDepartureCount: 0,
    truckSlot: undefined,
    emissions: m.emissions.services.get(net.id) as ServiceEmissions,
    emptyAcc: undefined,
  };
}

export function linkRuntime(m: ModelState, id: string): LinkRuntime {
  return {
    id,
    closed: 0,
    slow: 1,
    gate: new Gate<Trip>(m.sim, { name: `links[${id}]`, onPass: (trip) => startLeg(m, trip) }),
  };
}
