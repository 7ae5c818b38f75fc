/**
 * The bundled emission factor table (well-to-wheel and tank-to-wheel CO2e) by vehicle type, following the GLEC
 * Framework / ISO 14083 method, and the default vehicle type of each mode. Every factor carries its source, the
 * source's version and table and the unit it gives the value in, with the conversion applied. Where no GLEC default
 * was at hand another source stands in and says so (see ../shared/corridor-facts.md, "Emission factors found").
 * Tags as in the rest of the data: S sourced, D derived from sourced figures, E estimate.
 *
 * Conversion of tonne-km to TEU-km: {@link TONNES_PER_TEU} net tonnes per TEU (E). The TTW/WTW split of diesel
 * traction where a source gives only WTW is derived from BEIS/DESNZ 2021 UK rail (TTW 0.0278 + WTT 0.0067 kg/t-km:
 * TTW = 80.6% of WTW).
 *
 * @module
 */
import type { EmissionFactorSpec } from '../scenario/types.js';

/** Version of this table: results name it, so figures from different tables are not compared unknowingly. */
export const EMISSION_FACTOR_TABLE_VERSION = 'corridor-sim-factors/2026.1';

/**
 * Net tonnes of cargo per loaded TEU used to turn kg/t-km into kg/TEU-km. E: 10 t/TEU, the usual default for an
 * average loaded box (no source in corridor-facts; a heavier average raises every converted factor in proportion).
 */
export const TONNES_PER_TEU = 10;

/** TTW share of WTW for diesel traction. D: BEIS/DESNZ 2021 UK rail, 0.0278 / (0.0278 + 0.0067). */
export const DIESEL_TTW_SHARE = 0.0278 / (0.0278 + 0.0067);

/**
 * Share of a train's train-km hauled electrically when a scenario does not say. E: most of China's main lines are
 * electrified while cross-border sections (Kazakhstan, Mongolia, Vietnam) are partly diesel; 0.75 is a round
 * estimate, not a measured share.
 */
export const DEFAULT_ELECTRIC_SHARE = 0.75;

/** A sea service with at most this many TEU of capacity uses the feeder factor, larger ones the deep-sea factor. E. */
export const FEEDER_MAX_CAPACITY_TEU = 3_000;

/** Key of the factor every TEU handled at a hub with handling gets by default. */
export const DEFAULT_HANDLING_FACTOR = 'container-terminal';

const perTonne = (kgPerTonneKm: number) => kgPerTonneKm * TONNES_PER_TEU;

/**
 * The bundled factors by key (vehicle types and the hub handling factor), a fresh copy on each call. A scenario's
 * `emissions.factors` add to them or replace one by key.
 *
 * @example
 * ```ts
 * import { emissionFactorTable } from 'corridor-sim';
 *
 * const barge = emissionFactorTable()['river-barge'];
 * console.log(barge?.wtwKgCo2e, barge?.source); // kg CO2e per TEU-km well-to-wheel, and where it comes from
 * ```
 */
export function emissionFactorTable(): Record<string, EmissionFactorSpec> {
  return {
    'electric-train': {
      basis: 'vehicle-km',
      wtwKgCo2e: perTonne(0.019),
      ttwKgCo2e: 0,
      referenceLoadFactor: 0.6,
      fixedShare: 0.6,
      source:
        'S (not GLEC) UBA/Öko-Institut 2020 German electric rail freight 0.019 kg CO2e/t-km WTW, via Climatiq OEFDB PR 19; German grid — China’s grid is more carbon-intensive, so likely low for Chinese lines. E: reference load factor 0.6 and fixed share 0.6 (tare of wagons and locomotive ≈ 60% of gross mass at that load)',
      version: 'UBA 2020',
      table: 'rail freight, electric (Germany)',
      unit: 'kg CO2e/t-km × 10 t/TEU',
    },
    'diesel-train': {
      basis: 'vehicle-km',
      wtwKgCo2e: perTonne(0.034),
      ttwKgCo2e: perTonne(0.034 * DIESEL_TTW_SHARE),
      referenceLoadFactor: 0.6,
      fixedShare: 0.6,
      source:
        'S (not GLEC) UBA/Öko-Institut 2020 German diesel rail freight 0.034 kg CO2e/t-km WTW, via Climatiq OEFDB PR 19; D: TTW share 80.6% from BEIS/DESNZ 2021 UK rail. E: reference load factor and fixed share as the electric train',
      version: 'UBA 2020; BEIS/DESNZ 2021',
      table: 'rail freight, diesel (Germany); rail freight average (UK)',
      unit: 'kg CO2e/t-km × 10 t/TEU',
    },
    'feeder-ship': {
      basis: 'teu-km',
      wtwKgCo2e: 0.266,
      ttwKgCo2e: 0.266 * DIESEL_TTW_SHARE,
      source:
        'S (not GLEC) VesselBot Q1 2026 voyage-level container ship intensities: feeders > 266 g CO2e/TEU-km WTW (lower bound used). D: TTW share of diesel traction (BEIS 2021) stands in for marine fuel',
      version: 'VesselBot Q1 2026',
      table: 'container ships by size, voyage level',
      unit: 'g CO2e/TEU-km ÷ 1000',
    },
    'deep-sea-ship': {
      basis: 'teu-km',
      wtwKgCo2e: 0.0804,
      ttwKgCo2e: 0.0804 * DIESEL_TTW_SHARE,
      source:
        'S GLEC Framework v3.1 Table 13, container vessel, Panama trade lane, via Climatiq factor 8d7f5f32 (stands in for Asian trades). D: TTW share of diesel traction (BEIS 2021) stands in for marine fuel',
      version: 'GLEC Framework v3.1 (2024)',
      table: 'Table 13 (sea freight, container trade lanes)',
      unit: 'kg CO2e/TEU-km',
    },
    'river-barge': {
      basis: 'vehicle-km',
      wtwKgCo2e: perTonne(0.021 + 0.0045),
      ttwKgCo2e: perTonne(0.021),
      referenceLoadFactor: 0.7,
      fixedShare: 0.5,
      source:
        'S GLEC 2019 default data, inland container vessel 110 m, diesel: TTW 0.021 + WTT 0.0045 kg CO2e/t-km, via Climatiq Open-Emission-Factors-DB PR 285 (a European vessel class stands in for Yangtze barges). E: reference load factor 0.7, fixed share 0.5',
      version: 'GLEC Framework v2.0 default values (2019)',
      table: 'inland waterways, container vessel 110 m',
      unit: 'kg CO2e/t-km × 10 t/TEU',
    },
    truck: {
      basis: 'vehicle-km',
      wtwKgCo2e: perTonne(0.09516 + 0.022),
      ttwKgCo2e: perTonne(0.09516),
      referenceLoadFactor: 0.6,
      fixedShare: 0.6,
      source:
        'S GLEC v3.0 Table 8 articulated truck 34–40 t diesel WTT 0.022 kg CO2e/t-km (Climatiq 84c850ff) + GLEC 2019 rigid truck 26–32 t diesel B5 TTW 0.09516 kg CO2e/t-km (Climatiq 8df5b513; another vehicle class stands in for the articulated TTW). E: reference load factor 0.6, fixed share 0.6',
      version: 'GLEC Framework v3.0 (2023); GLEC v2.0 default values (2019)',
      table: 'Table 8 (road, Europe and South America); road default intensities',
      unit: 'kg CO2e/t-km × 10 t/TEU',
    },
    'container-terminal': {
      basis: 'teu-handled',
      wtwKgCo2e: 15,
      ttwKgCo2e: 7.5,
      source:
        'E: no GLEC terminal default at hand; 15 kg CO2e WTW per TEU handled (cranes, yard equipment, reefers) is a round estimate of the order terminal footprints report (EEEG/FEPORT 2017 guidance describes the method, not a default); half assumed TTW (diesel yard equipment)',
      version: 'estimate 2026',
      table: 'none',
      unit: 'kg CO2e/TEU handled',
    },
  };
}
