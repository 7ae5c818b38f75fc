/**
 * Emissions (GLEC Framework / ISO 14083 method): well-to-wheel (WTW) and tank-to-wheel (TTW) CO2e of every vehicle
 * leg run and every TEU handled in the measured period, from the factor table (`data/emission-factors.ts`, plus the
 * scenario's `emissions.factors`), allocated to the boxes on board by TEU.
 *
 * A leg's emissions come from the TEU the vehicle actually carries on it, as the model counts them (`trip.onBoard`
 * when the leg starts: part-loaded vehicles, and whatever else the model puts on board):
 * - **teu-km** basis (ships: the scenario models only part of their cargo): kg = factor × TEU on board × km;
 * - **vehicle-km** basis (trains, barges, trucks: vehicles of the corridor): the factor holds at the reference load
 *   (`referenceLoadFactor` × capacity); a share `fixedShare` of that is the empty vehicle, the rest grows with the
 *   TEU on board: kg = km × factor × (fixedShare × refTeu + (1 − fixedShare) × onBoard). A leg run with nothing on
 *   board emits the fixed part, reported as the service's empty running (not allocated to any box);
 * - a rail service mixes the electric and diesel train factors by its `electricShare` (the traction lever).
 * Each box on board gets the leg's kg × its TEU ÷ TEU on board (so the boxes' shares sum to the leg's total), booked
 * to its flow (OD) and to the corridor (and corridor/mode) of its route; hub handling adds the `teu-handled` factor
 * × TEU handled at every hub with handling, booked the same way.
 *
 * Distances are the links' `distanceKm` (the network's). Only legs that start, and handling that starts, in the
 * measured period count.
 *
 * @module
 */
import type { CalendarMonth } from './calendar.js';
import { type EmissionsAcc, type EmissionsState, newAcc } from './emissions-state.js';
import type { BoxPool, HubRuntime, ModelState, Part, RoutePlan, Trip } from './runtime.js';

/** The accumulator of a plan's duration key (shared by the plans with that key), looked up once per plan. */
function corridorAcc(e: EmissionsState, plan: RoutePlan): EmissionsAcc {
  const key = plan.durationKey;
  let corridor = e.corridors.get(key);
  if (corridor === undefined) {
    corridor = newAcc(e);
    e.corridors.set(key, corridor);
  }
  plan.emissionsAcc = corridor;
  return corridor;
}

/** Index of the calendar year of the current hour (0 = the run's first year); the current year's hours are cached. */
function yearIndex(m: ModelState): number {
  const e = m.emissions;
  const now = m.sim.now;
  if (now >= e.yearFromHour && now < e.yearToHour) return e.yearIndex;
  const months = m.calendar.months;
  let first = m.calendar.monthIndexAt(now);
  const year = (months[first] as CalendarMonth).year;
  while (first > 0 && (months[first - 1] as CalendarMonth).year === year) first--;
  let next = first;
  while (next < months.length && (months[next] as CalendarMonth).year === year) next++;
  // The year's first month starts it (the first month of the run: from any hour before it, as monthIndexAt does);
  // the next year's first month ends it (the last year: never, as monthIndexAt).
  e.yearFromHour = first === 0 ? Number.NEGATIVE_INFINITY : (months[first] as CalendarMonth).startHour;
  e.yearToHour = next < months.length ? (months[next] as CalendarMonth).startHour : Number.POSITIVE_INFINITY;
  e.yearIndex = year - e.firstYear;
  return e.yearIndex;
}

/**
 * Emissions of the leg a trip starts now (in the measured period), allocated to the parts on board by TEU. Called
 * by `departures.ts` when a vehicle leaves a stop.
 *
 * Each part's share is booked to its flow (an empty box: to its pool) and to its route's corridor (or corridor/mode).
 * The hot loop of the emissions (one pass per part and leg, ~800,000 a year), written out in one function: shares
 * passed to a call V8 does not inline are boxed (an allocation each), and this loop ran three per part and leg.
 */
export function legEmissions(m: ModelState, trip: Trip): void {
  const e = m.emissions;
  const s = trip.service.emissions;
  const km = s.legKm[trip.stop] as number;
  const onBoard = trip.onBoard;
  const wtw = km * (s.fixedWtwPerKm + s.perTeuWtwPerKm * onBoard);
  const ttw = km * (s.fixedTtwPerKm + s.perTeuTtwPerKm * onBoard);
  s.wtw += wtw;
  s.ttw += ttw;
  s.teuKm += onBoard * km;
  if (onBoard <= 0) {
    s.emptyWtw += wtw;
    s.emptyTtw += ttw;
    return;
  }
  const year = yearIndex(m);
  const wtwPerTeu = wtw / onBoard;
  const ttwPerTeu = ttw / onBoard;
  const flows = e.flows;
  const cargo = trip.cargo;
  for (let stop = trip.stop + 1; stop < cargo.length; stop++) {
    const bucket = cargo[stop];
    if (bucket === undefined) continue;
    for (let i = 0; i < bucket.length; i++) {
      const part = bucket[i] as Part;
      const teu = part.teu;
      const partWtw = wtwPerTeu * teu;
      const partTtw = ttwPerTeu * teu;
      const teuKm = teu * km;
      const shipment = part.shipment;
      const flow = shipment.flow;
      if (flow !== undefined) {
        const acc = flows[flow.index] as EmissionsAcc;
        acc.wtw += partWtw;
        acc.ttw += partTtw;
        acc.teuKm += teuKm;
        acc.byYear[year] = (acc.byYear[year] as number) + partWtw;
      } else {
        const pool = shipment.pool as BoxPool; // an empty-box move (empties.ts)
        pool.co2eKgWtw += partWtw;
        pool.co2eKgTtw += partTtw;
      }
      const plan = shipment.plan;
      const corridor = plan.emissionsAcc ?? corridorAcc(e, plan);
      corridor.wtw += partWtw;
      corridor.ttw += partTtw;
      corridor.teuKm += teuKm;
      corridor.byYear[year] = (corridor.byYear[year] as number) + partWtw;
    }
  }
}

/**
 * Emissions of handling `part` at `hub` (in the measured period), booked to the part's flow (an empty box: its pool)
 * and its route's corridor like a leg's share (no TEU-km), and as handling. Called by `terminals.ts`.
 */
export function handlingEmissions(m: ModelState, part: Part, hub: HubRuntime): void {
  const e = m.emissions;
  const wtw = e.handlingWtw * part.teu;
  const ttw = e.handlingTtw * part.teu;
  let hubAcc = hub.handlingCo2e;
  if (hubAcc === undefined) {
    hubAcc = { wtw: 0, ttw: 0 };
    e.hubs.set(hub.net.id, hubAcc);
    hub.handlingCo2e = hubAcc;
  }
  hubAcc.wtw += wtw;
  hubAcc.ttw += ttw;
  const year = yearIndex(m);
  const shipment = part.shipment;
  const flow = shipment.flow;
  if (flow !== undefined) {
    const acc = e.flows[flow.index] as EmissionsAcc;
    acc.wtw += wtw;
    acc.ttw += ttw;
    acc.handlingWtw += wtw;
    acc.byYear[year] = (acc.byYear[year] as number) + wtw;
  } else {
    const pool = shipment.pool as BoxPool;
    pool.co2eKgWtw += wtw;
    pool.co2eKgTtw += ttw;
  }
  const plan = shipment.plan;
  const corridor = plan.emissionsAcc ?? corridorAcc(e, plan);
  corridor.wtw += wtw;
  corridor.ttw += ttw;
  corridor.handlingWtw += wtw;
  corridor.byYear[year] = (corridor.byYear[year] as number) + wtw;
}
