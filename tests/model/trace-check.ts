/**
 * Checks a traced run (`trace: true`) independently of the model: the order of every part's stages, their physical
 * lower bounds computed here from the scenario (minimum transit, handling and clearance times, timetable instants,
 * truck intervals), capacities per trip and leg, and TEU conservation. Returns the problems found (empty when none),
 * so a property can print them.
 */
import type { DistributionSpec, RunResult, ScenarioSpec } from '../../src/index.js';
import { buildNetwork, type CorridorNetwork, distributionFromSpec } from '../../src/index.js';
import type { PartStage, PartTrace } from '../../src/model/trace.js';

const TOL = 1e-6;
const HOUR_MS = 3_600_000;

const minOf = (spec: DistributionSpec | undefined): number =>
  spec === undefined ? 0 : Math.max(0, distributionFromSpec(spec, 'spec').min);

interface Ends {
  service: string;
  from: number;
  to: number;
}

function rideEnds(key: string): Ends {
  const match = /^(.*)#(\d+)-(\d+)$/.exec(key);
  if (!match) throw new Error(`bad ride key ${key}`);
  return { service: match[1] as string, from: Number(match[2]), to: Number(match[3]) };
}

/** Σ minimum leg transit hours of an operated service from stop `from` to stop `to`. */
function minTransit(network: CorridorNetwork, service: string, from: number, to: number): number {
  let sum = 0;
  const legs = network.service(service).legs;
  for (let k = from; k < to; k++) sum += minOf(legs[k]?.transitHours);
  return sum;
}

/** Minimum clearance of a box boarding (`at` = from) or leaving (`at` = to) a ride, 0 where none applies. */
function minBoxClearance(network: CorridorNetwork, ends: Ends, at: 'from' | 'to'): number {
  const service = network.service(ends.service);
  const stop = at === 'from' ? ends.from : ends.to;
  const other = at === 'from' ? ends.from + 1 : ends.to - 1;
  const hub = network.hub(service.stops[stop] as string);
  if (hub.country === network.hub(service.stops[other] as string).country) return 0;
  return minOf(hub.spec.bondedDwellHours ?? hub.spec.dwellHours);
}

export interface TraceCheckOptions {
  startDate: string;
  warmupDays: number;
}

/** Problems found in the traces of a run (at most `limit`). */
export function checkTraces(
  scenario: ScenarioSpec,
  traces: readonly PartTrace[],
  result: RunResult,
  options: TraceCheckOptions,
  limit = 10,
): string[] {
  const problems: string[] = [];
  const fail = (message: string) => {
    if (problems.length < limit) problems.push(message);
  };
  const network = buildNetwork(scenario);
  const originMs = Date.parse(options.startDate) - options.warmupDays * 86_400_000;
  const originDay = new Date(originMs).getUTCDay();
  const originHour = (((originMs % 86_400_000) + 86_400_000) % 86_400_000) / HOUR_MS;

  /** Whether `hour` is a departure time of the service's timetable (timetabled services). */
  const onTimetable = (serviceId: string, hour: number): boolean => {
    const tt = network.service(serviceId).timetable;
    if (tt.kind === 'interval') {
      const k = (hour - (tt.offsetHours ?? 0)) / tt.everyHours;
      return Math.abs(k - Math.round(k)) * tt.everyHours < TOL;
    }
    if (tt.kind === 'weekly') {
      const inWeek = (((hour + originDay * 24 + originHour) % 168) + 168) % 168;
      return tt.departures.some((d) => {
        const diff = Math.abs(inWeek - (d.day * 24 + d.hour));
        return diff < TOL || Math.abs(diff - 168) < TOL;
      });
    }
    return true;
  };

  // Σ TEU on board per trip and leg, and truck departures per service.
  const onBoard = new Map<number, { service: string; legs: number[] }>();
  const truckDepartures = new Map<string, Set<number>>();
  const bookingsTeu = new Map<number, number>();
  let deliveredTeu = 0;
  let partsTeu = 0;

  for (const trace of traces) {
    const tag = `booking ${trace.booking} (${trace.flow})`;
    const stages = trace.stages;
    let rides = trace.route.map(rideEnds);
    bookingsTeu.set(trace.booking, trace.bookingTeu);
    partsTeu += trace.teu;
    const first = stages[0];
    if (first?.stage !== 'booked') {
      fail(`${tag}: first stage ${first?.stage}`);
      continue;
    }
    const booked = first.hour;
    let previous: PartStage = first;
    let boarded: PartStage | undefined;
    let handlingStart: PartStage | undefined;
    let handlingEnd: PartStage | undefined;
    let alighting = false;
    let leg = 0;
    for (let i = 1; i < stages.length; i++) {
      const s = stages[i] as PartStage;
      if (s.hour < previous.hour - TOL)
        fail(`${tag}: ${s.stage} at ${s.hour} before ${previous.stage} at ${previous.hour}`);
      const ride = rides[s.leg];
      if (ride === undefined) {
        fail(`${tag}: stage on leg ${s.leg} of a ${rides.length}-leg route`);
        break;
      }
      if (s.leg !== leg && !(s.leg === leg + 1 && previous.stage === 'cleared' && alighting)) {
        fail(`${tag}: ${s.stage} on leg ${s.leg} after leg ${leg}`);
      }
      if (s.leg !== leg) {
        leg = s.leg;
        alighting = false;
        boarded = undefined;
      }
      const service = network.service(ride.service);
      const hubHere = service.stops[alighting ? ride.to : ride.from];
      switch (s.stage) {
        case 'handling-start':
          handlingStart = s;
          handlingEnd = undefined;
          break;
        case 'handling-end': {
          const hub = network.hub(s.hub);
          const min = trace.teu * minOf(hub.spec.handling?.hoursPerTeu);
          if (handlingStart === undefined || s.hour < handlingStart.hour + min - TOL) {
            fail(`${tag}: handling at ${s.hub} shorter than ${min} h`);
          }
          handlingEnd = s;
          break;
        }
        case 'cleared': {
          if (s.hub !== hubHere) fail(`${tag}: cleared at ${s.hub}, expected ${hubHere}`);
          const from = handlingEnd?.hub === s.hub ? handlingEnd.hour : previous.hour;
          const min = minBoxClearance(network, ride, alighting ? 'to' : 'from');
          if (s.hour < from + min - TOL) fail(`${tag}: clearance at ${s.hub} shorter than ${min} h`);
          handlingStart = undefined;
          handlingEnd = undefined;
          break;
        }
        case 'boarded': {
          if (alighting || previous.stage !== 'cleared') fail(`${tag}: boarded after ${previous.stage}`);
          if (s.service !== ride.service || s.stop !== ride.from) {
            fail(`${tag}: boarded ${s.service} at stop ${s.stop}, route says ${ride.service} at ${ride.from}`);
          }
          const scheduled = s.scheduledHour as number;
          const departed = s.tripDepartedHour as number;
          const truck = service.timetable.kind === 'continuous';
          if (departed < scheduled - TOL) fail(`${tag}: trip left at ${departed}, before its time ${scheduled}`);
          if (!truck && (Math.abs(departed - scheduled) > TOL || !onTimetable(ride.service, scheduled))) {
            fail(`${tag}: trip of ${ride.service} left at ${departed}, not a timetable time (${scheduled})`);
          }
          if (truck) {
            const set = truckDepartures.get(ride.service) ?? new Set<number>();
            set.add(departed);
            truckDepartures.set(ride.service, set);
          }
          const earliest = departed + minTransit(network, ride.service, 0, ride.from);
          if (s.hour < earliest - TOL)
            fail(`${tag}: boarded at ${s.hour} before the trip could be there (${earliest})`);
          if (ride.from === 0 && Math.abs(s.hour - departed) > TOL) fail(`${tag}: boarded at the first stop off time`);
          const trip = s.trip as number;
          if (i < trace.inherited) {
            boarded = s;
            break; // counted in the trace of the part this one split from
          }
          let load = onBoard.get(trip);
          if (load === undefined) {
            load = { service: ride.service, legs: new Array(service.legs.length).fill(0) };
            onBoard.set(trip, load);
          }
          if (load.service !== ride.service) fail(`trip ${trip} of two services`);
          for (let k = ride.from; k < ride.to; k++) load.legs[k] = (load.legs[k] as number) + (s.teu as number);
          boarded = s;
          break;
        }
        case 'rerouted': {
          // Re-planned at the boarding hub of its ride after clearance: the new route's rides replace the rest.
          if (alighting || previous.stage !== 'cleared') fail(`${tag}: re-routed after ${previous.stage}`);
          if (s.hub !== hubHere) fail(`${tag}: re-routed at ${s.hub}, expected ${hubHere}`);
          const next = (s.route ?? []).map(rideEnds);
          const first = next[0];
          if (first === undefined || network.service(first.service).stops[first.from] !== s.hub) {
            fail(`${tag}: re-routed at ${s.hub} onto a route that does not start there`);
            break;
          }
          rides = [...rides.slice(0, s.leg), ...next];
          handlingStart = undefined;
          handlingEnd = undefined;
          break;
        }
        case 'arrived': {
          if (boarded === undefined || previous !== boarded) {
            fail(`${tag}: arrived without boarding`);
            break;
          }
          const min = minTransit(network, ride.service, ride.from, ride.to);
          if (s.hour < boarded.hour + min - TOL) fail(`${tag}: ride of ${min} h minimum took ${s.hour - boarded.hour}`);
          if (s.hub !== service.stops[ride.to]) fail(`${tag}: arrived at ${s.hub}, expected ${service.stops[ride.to]}`);
          alighting = true;
          break;
        }
        case 'delivered': {
          if (i !== stages.length - 1) fail(`${tag}: stages after delivery`);
          if (!alighting || leg !== rides.length - 1 || previous.stage !== 'cleared') {
            fail(`${tag}: delivered on leg ${leg} after ${previous.stage}`);
          }
          let min = 0;
          for (const r of rides) {
            min += minTransit(network, r.service, r.from, r.to);
            min += minBoxClearance(network, r, 'from') + minBoxClearance(network, r, 'to');
          }
          if (s.hour < booked + min - TOL) fail(`${tag}: delivered ${s.hour - booked} h after booking, minimum ${min}`);
          deliveredTeu += trace.teu;
          break;
        }
        case 'booked':
          fail(`${tag}: booked twice`);
          break;
      }
      previous = s;
    }
  }

  for (const [trip, load] of onBoard) {
    const capacity = network.service(load.service).capacityTeu;
    load.legs.forEach((teu, k) => {
      if (teu > capacity + TOL) fail(`trip ${trip} of ${load.service}: ${teu} TEU on leg ${k} > ${capacity}`);
    });
  }
  for (const [id, times] of truckDepartures) {
    const tt = network.service(id).timetable;
    if (tt.kind !== 'continuous') continue;
    const interval = (24 * network.service(id).capacityTeu) / tt.capacityTeuPerDay;
    const sorted = [...times].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      if ((sorted[i] as number) - (sorted[i - 1] as number) < interval - TOL) {
        fail(`trucks of ${id} left ${(sorted[i] as number) - (sorted[i - 1] as number)} h apart (< ${interval})`);
      }
    }
  }
  let generated = 0;
  for (const teu of bookingsTeu.values()) generated += teu;
  const scale = Math.max(1, generated);
  if (Math.abs(generated - result.conservation.generatedTeu) > 1e-9 * scale) {
    fail(`traced bookings ${generated} TEU, result ${result.conservation.generatedTeu}`);
  }
  if (Math.abs(partsTeu - generated) > 1e-9 * scale) fail(`parts hold ${partsTeu} TEU of ${generated} booked`);
  if (Math.abs(deliveredTeu - result.conservation.deliveredTeu) > 1e-9 * scale) {
    fail(`traced deliveries ${deliveredTeu} TEU, result ${result.conservation.deliveredTeu}`);
  }
  return problems;
}
