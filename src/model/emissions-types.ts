/**
 * The types of the emissions KPIs of a run (`RunResult.emissions`; built by `emissions-result.ts`, whose header
 * defines each figure). Types only, so `result.ts` can name them without importing the model's state.
 *
 * @module
 */
import type { EmissionFactorSpec } from '../scenario/types.js';

/** WTW and TTW kg CO2e. */
export interface Co2e {
  /** Well-to-wheel kg CO2e. */
  kgCo2eWtw: number;
  /** Tank-to-wheel kg CO2e (the part burnt on board). */
  kgCo2eTtw: number;
}

/** Emissions of a corridor (or corridor/mode) or a flow. */
export interface EmissionsGroupResult extends Co2e {
  /** WTW kg of handling at hubs (included in kgCo2eWtw). */
  handlingKgCo2eWtw: number;
  /** TEU-km carried by the group's boxes. */
  teuKm: number;
  /** TEU dispatched in the period. */
  dispatchedTeu: number;
  /** WTW kg per TEU dispatched (0 without TEU). */
  kgCo2eWtwPerTeu: number;
  /** TTW kg per TEU dispatched. */
  kgCo2eTtwPerTeu: number;
  /** Transport WTW kg (handling excluded) per TEU-km (0 without TEU-km). */
  kgCo2eWtwPerTeuKm: number;
  /** WTW kg by calendar year. */
  kgCo2eWtwByYear: Record<string, number>;
}

/** Emissions of the services of one mode. */
export interface ModeEmissionsResult extends Co2e {
  teuKm: number;
  /** TEU loaded on the mode's services in the period. */
  teuLoaded: number;
  kgCo2eWtwPerTeu: number;
  kgCo2eWtwPerTeuKm: number;
}

/** Emissions of one operated service (its vehicles' legs in the period). */
export interface ServiceEmissionsResult extends Co2e {
  /** Factor key, or `train` for a mix of electric and diesel trains. */
  vehicleType: string;
  /** Share of the train-km hauled electrically (rail services without a vehicle type). */
  electricShare?: number;
  teuKm: number;
  /** WTW kg of legs run with nothing on board (included in kgCo2eWtw, allocated to no box). */
  emptyRunningKgCo2eWtw: number;
  kgCo2eWtwPerTeuKm: number;
}

/** The emissions of a run. */
export interface EmissionsResult {
  /** Version of the bundled factor table; the factors used are listed in {@link EmissionsResult.factors}. */
  factorTable: string;
  total: Co2e & {
    handlingKgCo2eWtw: number;
    emptyRunningKgCo2eWtw: number;
    teuKm: number;
    kgCo2eWtwPerTeuKm: number;
  };
  byCorridor: Record<string, EmissionsGroupResult>;
  byMode: Record<string, ModeEmissionsResult>;
  byFlow: Record<string, EmissionsGroupResult>;
  byService: Record<string, ServiceEmissionsResult>;
  /** WTW and TTW kg of handling per hub (hubs with handling that handled TEU). */
  byHub: Record<string, Co2e>;
  /** The factors used, by key (bundled or the scenario's), with source, version, table and unit. */
  factors: Record<string, EmissionFactorSpec>;
}
