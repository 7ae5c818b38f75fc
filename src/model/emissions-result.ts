/**
 * The emissions KPIs of a run (`RunResult.emissions`): totals, and kg CO2e per TEU and per TEU-km by corridor (and
 * corridor/mode), by mode, by origin–destination flow and by service, well-to-wheel (WTW) with tank-to-wheel (TTW)
 * beside it; per corridor and calendar year; per hub handling. Every figure covers the measured period.
 *
 * Definitions:
 * - a corridor's or flow's **kg CO2e per TEU** = the emissions allocated to its boxes in the period (legs and
 *   handling) ÷ the TEU it dispatched in the period (a steady-state estimate: boxes under way at the edges of the
 *   period make the two differ by about one transit time's worth of traffic);
 * - a mode's kg per TEU divides by the TEU loaded on its services (a box riding two trains counts twice);
 * - **per TEU-km** divides the transport emissions (handling excluded) by the TEU-km carried;
 * - **empty running**: legs a vehicle ran with nothing on board (vehicle-km basis: its fixed part); reported per
 *   service and in the totals, allocated to no box, so flows and corridors sum to the total minus it.
 *
 * @module
 */
import type { EmissionFactorSpec } from '../scenario/types.js';
import type { EmissionsAcc } from './emissions-state.js';
import type {
  Co2e,
  EmissionsGroupResult,
  EmissionsResult,
  ModeEmissionsResult,
  ServiceEmissionsResult,
} from './emissions-types.js';
import type { ModelState } from './runtime.js';

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

function group(m: ModelState, acc: EmissionsAcc, dispatchedTeu: number): EmissionsGroupResult {
  const e = m.emissions;
  const byYear: Record<string, number> = {};
  const startYear = (m.calendar.months[m.calendar.monthIndexAt(m.calendar.startHour)] as { year: number }).year;
  acc.byYear.forEach((kg, i) => {
    if (e.firstYear + i >= startYear) byYear[String(e.firstYear + i)] = kg;
  });
  return {
    kgCo2eWtw: acc.wtw,
    kgCo2eTtw: acc.ttw,
    handlingKgCo2eWtw: acc.handlingWtw,
    teuKm: acc.teuKm,
    dispatchedTeu,
    kgCo2eWtwPerTeu: ratio(acc.wtw, dispatchedTeu),
    kgCo2eTtwPerTeu: ratio(acc.ttw, dispatchedTeu),
    kgCo2eWtwPerTeuKm: ratio(acc.wtw - acc.handlingWtw, acc.teuKm),
    kgCo2eWtwByYear: byYear,
  };
}

/** Builds `RunResult.emissions` (keys in a fixed order). */
export function emissionsResult(m: ModelState): EmissionsResult {
  const e = m.emissions;
  // Corridor/mode keys add into their corridor, as the corridors' volumes do.
  const corridors = new Map<string, EmissionsAcc>();
  const into = (key: string, from: EmissionsAcc) => {
    let acc = corridors.get(key);
    if (acc === undefined) {
      acc = { wtw: 0, ttw: 0, handlingWtw: 0, teuKm: 0, byYear: new Float64Array(e.years) };
      corridors.set(key, acc);
    }
    acc.wtw += from.wtw;
    acc.ttw += from.ttw;
    acc.handlingWtw += from.handlingWtw;
    acc.teuKm += from.teuKm;
    from.byYear.forEach((kg, i) => {
      (acc as EmissionsAcc).byYear[i] = ((acc as EmissionsAcc).byYear[i] as number) + kg;
    });
  };
  for (const [key, acc] of [...e.corridors.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    into(key, acc);
    const slash = key.indexOf('/');
    if (slash > 0) into(key.slice(0, slash), acc);
  }
  const byCorridor: Record<string, EmissionsGroupResult> = {};
  for (const [key, acc] of [...corridors.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    byCorridor[key] = group(m, acc, m.corridorAcc.get(key)?.dispatchedTeu ?? 0);
  }
  const byFlow: Record<string, EmissionsGroupResult> = {};
  m.flows.forEach((flow, i) => {
    byFlow[flow.spec.id] = group(m, e.flows[i] as EmissionsAcc, m.flowAcc[i]?.dispatchedTeu ?? 0);
  });

  const modes = new Map<string, ModeEmissionsResult>();
  const byService: Record<string, ServiceEmissionsResult> = {};
  let wtw = 0;
  let ttw = 0;
  let teuKm = 0;
  let empty = 0;
  for (const service of m.services.values()) {
    const s = e.services.get(service.net.id);
    if (s === undefined) continue;
    wtw += s.wtw;
    ttw += s.ttw;
    teuKm += s.teuKm;
    empty += s.emptyWtw;
    byService[service.net.id] = {
      vehicleType: s.vehicleType,
      ...(s.electricShare === undefined ? {} : { electricShare: s.electricShare }),
      kgCo2eWtw: s.wtw,
      kgCo2eTtw: s.ttw,
      teuKm: s.teuKm,
      emptyRunningKgCo2eWtw: s.emptyWtw,
      kgCo2eWtwPerTeuKm: ratio(s.wtw, s.teuKm),
    };
    let mode = modes.get(s.mode);
    if (mode === undefined) {
      mode = { kgCo2eWtw: 0, kgCo2eTtw: 0, teuKm: 0, teuLoaded: 0, kgCo2eWtwPerTeu: 0, kgCo2eWtwPerTeuKm: 0 };
      modes.set(s.mode, mode);
    }
    mode.kgCo2eWtw += s.wtw;
    mode.kgCo2eTtw += s.ttw;
    mode.teuKm += s.teuKm;
    mode.teuLoaded += service.teuLoaded;
  }
  const byMode: Record<string, ModeEmissionsResult> = {};
  for (const [key, mode] of [...modes.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    mode.kgCo2eWtwPerTeu = ratio(mode.kgCo2eWtw, mode.teuLoaded);
    mode.kgCo2eWtwPerTeuKm = ratio(mode.kgCo2eWtw, mode.teuKm);
    byMode[key] = mode;
  }
  const byHub: Record<string, Co2e> = {};
  let handlingWtw = 0;
  let handlingTtw = 0;
  for (const hub of m.hubs.values()) {
    const acc = e.hubs.get(hub.net.id);
    if (acc === undefined) continue;
    handlingWtw += acc.wtw;
    handlingTtw += acc.ttw;
    byHub[hub.net.id] = { kgCo2eWtw: acc.wtw, kgCo2eTtw: acc.ttw };
  }
  const factors: Record<string, EmissionFactorSpec> = {};
  for (const key of [...e.usedKeys].sort()) factors[key] = e.factors[key] as EmissionFactorSpec;
  return {
    factorTable: e.tableVersion,
    total: {
      kgCo2eWtw: wtw + handlingWtw,
      kgCo2eTtw: ttw + handlingTtw,
      handlingKgCo2eWtw: handlingWtw,
      emptyRunningKgCo2eWtw: empty,
      teuKm,
      kgCo2eWtwPerTeuKm: ratio(wtw, teuKm),
    },
    byCorridor,
    byMode,
    byFlow,
    byService,
    byHub,
    factors,
  };
}
