/**
 * Former home of the bundled Chongqing scenario, now split by corridor into ./chongqing/ (see its index.ts). Kept as
 * a re-export so that imports of this path elsewhere in the repository (src/experiment/scenario-file.ts, bench/)
 * keep working; new code imports ./index.js or ./chongqing/index.js. No figures here.
 *
 * @module
 */
export {
  chongqingExampleDisruptions,
  chongqingScenario,
  EURASIA_WESTBOUND_SHARE,
  GROWTH,
  HUB,
  ILSTC_EXPORT_SHARE,
  LOGIT_SCALE_PER_USD,
  MAX_BACKLOG_HOURS,
  SEASONALITY,
  VALUE_OF_TIME_USD_PER_TEU_HOUR,
  YANGTZE_EXPORT_SHARE,
} from './chongqing/index.js';
