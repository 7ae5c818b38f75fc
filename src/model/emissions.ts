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
import { type EmissionsAcc, type EmissionsState, newAcc, type ServiceEmissions } from './emissions-state.js';
import type { HubRuntime, ModelState, Part, Trip } from './runtime.js';

function add(acc: EmissionsAcc, wtw: number, ttw: number, teuKm: number, handling: boolean, year: number): void {
  acc.wtw += wtw;
  acc.ttw += ttw;
  acc.teuKm += teuKm;
  if (handling) acc.handlingWtw += wtw;
  acc.byYear[year] = (acc.byYear[year] as number) + wtw;
}

/** A part's share of a leg or a handling: booked to its flow and to its route's corridor (or corridor/mode). */
function book(e: EmissionsState, part: Part, wtw: number, ttw: number, teuKm: number, handling: boolean, year: number) {
  const shipment = part.shipment;
  add(e.flows[shipment.flow.index] as EmissionsAcc, wtw, ttw, teuKm, handling, year);
  const key = shipment.plan.durationKey;
  let corridor = e.corridors.get(key);
  if (corridor === undefined) {
    corridor = newAcc(e);
    e.corridors.set(key, corridor);
  }
  add(corridor, wtw, ttw, teuKm, handling, year);
}

/** Index of the calendar year of the current hour (0 = the run's first year). */
function yearIndex(m: ModelState): number {
  return (m.calendar.months[m.calendar.monthIndexAt(m.sim.now)] as CalendarMonth).year - m.emissions.firstYear;
}

/**
 * Emissions of the leg a trip starts now (in the measured period), allocated to the parts on board by TEU. Called
 * by `departures.ts` when a vehicle leaves a stop.
 */
export function legEmissions(m: ModelState, trip: Trip): void {
  const e = m.emissions;
  const s = e.services.get(trip.service.net.id) as ServiceEmissions;
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
  const cargo = trip.cargo;
  for (let stop = trip.stop + 1; stop < cargo.length; stop++) {
    const bucket = cargo[stop];
    if (bucket === undefined) continue;
    for (let i = 0; i < bucket.length; i++) {
      const part = bucket[i] as Part;
      book(e, part, wtwPerTeu * part.teu, ttwPerTeu * part.teu, part.teu * km, false, year);
    }
  }
}

/** Emissions of handling `part` at `hub` (in the measured period). Called by `terminals.ts`. */
export function handlingEmissions(m: ModelState, part: Part, hub: HubRuntime): void {
  const e = m.emissions;
  const wtw = e.handlingWtw * part.teu;
  const ttw = e.handlingTtw * part.teu;
  let acc = e.hubs.get(hub.net.id);
  if (acc === undefined) {
    acc = { wtw: 0, ttw: 0 };
    e.hubs.set(hub.net.id, acc);
  }
  acc.wtw += wtw;
  acc.ttw += ttw;
  book(e, part, wtw, ttw, 0, true, yearIndex(m));
}
