/**
 * The bundled Chongqing scenario and its observed history. Every figure carries a source tag from
 * shared/corridor-facts.md (`S` sourced, `D` derived, `E` estimate); see docs/data-sources.md.
 *
 * @module
 */
export {
  attributedCorridorVolume,
  attributedVolumes,
  CORRIDOR_VOLUMES_2024,
  type CorridorKey,
  type CorridorVolume,
  FLOW_CORRIDOR_SHARES_2024,
  OD_TEU_2024,
} from './calibration.js';
export {
  chongqingExampleDisruptions,
  chongqingScenario,
  EURASIA_WESTBOUND_SHARE,
  GROWTH,
  HUB,
  ILSTC_EXPORT_SHARE,
  LOGIT_SCALE_PER_USD,
  SEASONALITY,
  VALUE_OF_TIME_USD_PER_TEU_HOUR,
  YANGTZE_EXPORT_SHARE,
} from './chongqing/index.js';
export {
  DEFAULT_ELECTRIC_SHARE,
  DEFAULT_HANDLING_FACTOR,
  DIESEL_TTW_SHARE,
  EMISSION_FACTOR_TABLE_VERSION,
  emissionFactorTable,
  FEEDER_MAX_CAPACITY_TEU,
  TONNES_PER_TEU,
} from './emission-factors.js';
export {
  chengduChongqingChinaEuropeRailSeries,
  chongqingChinaEuropeRailSeries,
  ilstcChongqingSeries,
  ilstcRailSeaNationalSeries,
} from './history.js';
