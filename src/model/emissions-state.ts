/**
 * The emissions state of a run: the factor table resolved for the scenario (bundled table, the scenario's extra or
 * replaced factors, each service's vehicle type or electric share, the hub handling factor), checked with errors
 * naming the path, and the accumulators the model books emissions into (`emissions.ts` has the method).
 *
 * @module
 */
import {
  DEFAULT_ELECTRIC_SHARE,
  DEFAULT_HANDLING_FACTOR,
  EMISSION_FACTOR_TABLE_VERSION,
  emissionFactorTable,
  FEEDER_MAX_CAPACITY_TEU,
} from '../data/emission-factors.js';
import { ScenarioError } from '../errors.js';
import type { NetworkService } from '../network/index.js';
import { RETURN_SUFFIX } from '../scenario/index.js';
import type { EmissionFactorSpec, Mode, ScenarioSpec } from '../scenario/types.js';
import type { Calendar, CalendarMonth } from './calendar.js';

/** Kilograms WTW and TTW, and TEU-km. */
export interface EmissionsAcc {
  wtw: number;
  ttw: number;
  handlingWtw: number;
  teuKm: number;
  /** WTW kg by calendar year: index = year − the run's first year. */
  readonly byYear: Float64Array;
}

/** What a service's vehicles emit, per km: a fixed part and a part per TEU on board. */
export interface ServiceEmissions {
  readonly vehicleType: string;
  readonly electricShare: number | undefined;
  readonly mode: Mode;
  readonly legKm: readonly number[];
  readonly fixedWtwPerKm: number;
  readonly perTeuWtwPerKm: number;
  readonly fixedTtwPerKm: number;
  readonly perTeuTtwPerKm: number;
  wtw: number;
  ttw: number;
  teuKm: number;
  /** WTW kg of legs run with nothing on board (empty running, allocated to no box). */
  emptyWtw: number;
  emptyTtw: number;
}

/** The emissions state of a run. */
export class EmissionsState {
  readonly factors: Record<string, EmissionFactorSpec>;
  readonly usedKeys = new Set<string>();
  readonly handlingWtw: number;
  readonly handlingTtw: number;
  readonly services = new Map<string, ServiceEmissions>();
  /** By flow index. */
  readonly flows: EmissionsAcc[] = [];
  /** By a route's duration key (corridor/mode, or corridor). */
  readonly corridors = new Map<string, EmissionsAcc>();
  readonly hubs = new Map<string, { wtw: number; ttw: number }>();
  /** First calendar year of the run (warm-up included) and the number of years it touches. */
  readonly firstYear: number;
  readonly years: number;

  constructor(scenario: ScenarioSpec, services: Iterable<NetworkService>, calendar: Calendar) {
    const months = calendar.months;
    this.firstYear = (months[0] as CalendarMonth).year;
    this.years = (months[months.length - 1] as CalendarMonth).year - this.firstYear + 1;
    const spec = scenario.emissions ?? {};
    const table = emissionFactorTable();
    for (const [key, factor] of Object.entries(spec.factors ?? {})) table[key] = factor;
    this.factors = table;
    const handlingKey = spec.handlingFactor ?? DEFAULT_HANDLING_FACTOR;
    const handling = this.factor('emissions.handlingFactor', handlingKey, 'teu-handled');
    this.handlingWtw = handling.wtwKgCo2e;
    this.handlingTtw = handling.ttwKgCo2e;
    const byBase = new Map<string, NetworkService>();
    const all = [...services];
    for (const s of all) byBase.set(s.baseId, s);
    for (const id of Object.keys(spec.services ?? {})) {
      if (!byBase.has(id)) {
        const expected = `the id of a service (without ${RETURN_SUFFIX}): ${[...byBase.keys()].join(', ')}`;
        throw new ScenarioError(`emissions.services[${id}]`, id, expected);
      }
    }
    for (const s of all) this.services.set(s.id, this.serviceEmissions(s, spec.services?.[s.baseId]));
  }

  private factor(path: string, key: string, basis: 'teu-handled' | 'vehicle'): EmissionFactorSpec {
    const factor = Object.hasOwn(this.factors, key) ? this.factors[key] : undefined;
    if (factor === undefined) {
      throw new ScenarioError(path, key, `a key of the emission factor table: ${Object.keys(this.factors).join(', ')}`);
    }
    if ((factor.basis === 'teu-handled') !== (basis === 'teu-handled')) {
      const expected = basis === 'teu-handled' ? 'a factor on the teu-handled basis' : 'a factor of a vehicle';
      throw new ScenarioError(path, key, `${expected} (${key} is on the ${factor.basis} basis)`);
    }
    this.usedKeys.add(key);
    return factor;
  }

  private serviceEmissions(
    s: NetworkService,
    own: { vehicleType?: string | undefined; electricShare?: number | undefined } | undefined,
  ): ServiceEmissions {
    const path = `emissions.services[${s.baseId}]`;
    if (own?.electricShare !== undefined && (s.mode !== 'rail' || own.vehicleType !== undefined)) {
      const why = s.mode !== 'rail' ? `${s.baseId} is a ${s.mode} service` : 'vehicleType is given';
      throw new ScenarioError(`${path}.electricShare`, own.electricShare, `absent (${why}; only trains mix tractions)`);
    }
    let parts: [EmissionFactorSpec, number][];
    let vehicleType: string;
    let electricShare: number | undefined;
    if (own?.vehicleType !== undefined) {
      vehicleType = own.vehicleType;
      parts = [[this.factor(`${path}.vehicleType`, vehicleType, 'vehicle'), 1]];
    } else if (s.mode === 'rail') {
      electricShare = own?.electricShare ?? DEFAULT_ELECTRIC_SHARE;
      vehicleType = 'train';
      parts = [
        [this.factor(`${path}.vehicleType`, 'electric-train', 'vehicle'), electricShare],
        [this.factor(`${path}.vehicleType`, 'diesel-train', 'vehicle'), 1 - electricShare],
      ];
    } else {
      vehicleType =
        s.mode === 'sea'
          ? s.capacityTeu <= FEEDER_MAX_CAPACITY_TEU
            ? 'feeder-ship'
            : 'deep-sea-ship'
          : s.mode === 'river'
            ? 'river-barge'
            : 'truck';
      parts = [[this.factor(`${path}.vehicleType`, vehicleType, 'vehicle'), 1]];
    }
    let fixedWtw = 0;
    let perTeuWtw = 0;
    let fixedTtw = 0;
    let perTeuTtw = 0;
    for (const [f, weight] of parts) {
      if (weight === 0) continue;
      if (f.basis === 'teu-km') {
        perTeuWtw += weight * f.wtwKgCo2e;
        perTeuTtw += weight * f.ttwKgCo2e;
      } else {
        const refTeu = (f.referenceLoadFactor as number) * s.capacityTeu;
        const fixed = f.fixedShare as number;
        fixedWtw += weight * fixed * f.wtwKgCo2e * refTeu;
        fixedTtw += weight * fixed * f.ttwKgCo2e * refTeu;
        perTeuWtw += weight * (1 - fixed) * f.wtwKgCo2e;
        perTeuTtw += weight * (1 - fixed) * f.ttwKgCo2e;
      }
    }
    return {
      vehicleType,
      electricShare,
      mode: s.mode,
      legKm: s.legs.map((leg) => leg.distanceKm),
      fixedWtwPerKm: fixedWtw,
      perTeuWtwPerKm: perTeuWtw,
      fixedTtwPerKm: fixedTtw,
      perTeuTtwPerKm: perTeuTtw,
      wtw: 0,
      ttw: 0,
      teuKm: 0,
      emptyWtw: 0,
      emptyTtw: 0,
    };
  }

  /** The version of the bundled table the factors come from. */
  get tableVersion(): string {
    return EMISSION_FACTOR_TABLE_VERSION;
  }
}

export function newAcc(e: EmissionsState): EmissionsAcc {
  return { wtw: 0, ttw: 0, handlingWtw: 0, teuKm: 0, byYear: new Float64Array(e.years) };
}

/** Adds the accumulator of the next flow (one per flow, in flow order). */
export function addFlowEmissions(e: EmissionsState): void {
  e.flows.push(newAcc(e));
}
