/**
 * Shared constants of the bundled Chongqing scenario: value of time, logit scale, the backlog limit of route choice,
 * seasonality, growth rates and the directional (export) shares of the demand. Figures come from
 * shared/corridor-facts.md (tags: `S` sourced, `D` derived, `E` estimate) and the observed history in ../history.ts;
 * each constant's comment gives its tag and arithmetic.
 *
 * @module
 */

/**
 * E: ILSTC export share. The corridor is export-heavy (the facts say so qualitatively; no split is published).
 * 62% southbound / 38% northbound: ASEAN fruit, grain, rubber, palm oil and Vietnamese intermediate goods fill part
 * of the return trains.
 */
export const ILSTC_EXPORT_SHARE = 0.62;
/**
 * D: CR Express / Northern westbound share, 0.57 = 1 / (1 + 0.71 / 0.94): the share at which eastbound loaded boxes
 * are 71/94 of the westbound ones, as on the 2018 CR Express trains (S/M loaded-container ratios 94% outbound, 71%
 * return, Global Times via chinaebr.com). With boxes returning empty by the pool's policy (empties.ts), the model's
 * return trains then run about 75% loaded (H1 2019: 82%). Until the empties were modelled this was E 0.6.
 */
export const EURASIA_WESTBOUND_SHARE = 0.57;
/** E: Yangtze downstream (export) share of Chongqing's foreign-trade river boxes. */
export const YANGTZE_EXPORT_SHARE = 0.55;

/**
 * Growth rates (per year), from the observed history.
 * - ILSTC: E 0.20, a damped trend. The 2021–2024 CAGR is 31% (D: (251,800 / 112,000)^(1/3) − 1) and year-on-year
 *   growth ran 54%, 32%, 21%, 41%; we take the low end of that recent range (2023's +20.7%, D: 178,600 / 148,000)
 *   for projections. `calibrate()` can refit it from the history.
 * - CR Express and Northern: D 0.037 = (430,000 / 400,000)^(1/2) − 1, Chengdu + Chongqing 2021 → 2023 (S/H).
 * - Yangtze: E 0.02; Chongqing's foreign-trade river volume has no series after 2018 in the facts; the rail
 *   corridors took most of the growth.
 */
export const GROWTH = { ilstc: 0.2, eurasia: 0.037, yangtze: 0.02 } as const;

/**
 * E: monthly factors (January first), averaging exactly 1. January–February at 0.70 (D/M: Chongqing ILSTC runs at
 * ~70% of an average month around the Lunar New Year; applied to every corridor, E); the remaining 10.6 spread over
 * March–December with a ramp-up in March and a pre-holiday peak in November–December (E).
 */
export const SEASONALITY = [0.7, 0.7, 0.98, 1.04, 1.06, 1.06, 1.07, 1.08, 1.08, 1.05, 1.09, 1.09] as const;

/**
 * Value of time, USD per TEU-hour (E). ILSTC cargo value CNY 46.7 bn / 251,800 TEU = CNY 185,500 per TEU (D from
 * S/H 2024) ≈ USD 25,800 at ~7.19 CNY/USD (E, 2024 average); an inventory carrying cost of ~30% a year (E: capital,
 * insurance, obsolescence of electronics) gives 25,800 × 0.30 / 8,760 ≈ USD 0.88 per TEU-hour; rounded up to 1.0
 * for shippers' premium on speed and reliability (E).
 */
export const VALUE_OF_TIME_USD_PER_TEU_HOUR = 1.0;

/**
 * Logit scale (E): 0.005 per USD — a USD 200/TEU generalized-cost advantage (≈ 8 days at the value of time) gives
 * odds of e^1 ≈ 2.7 : 1. Four alternatives per OD pair (k-shortest loopless routes).
 */
export const LOGIT_SCALE_PER_USD = 0.005;

/** E: two weeks of backlog on every route and a booking goes elsewhere (see `RouteChoiceSpec.maxBacklogHours`). */
export const MAX_BACKLOG_HOURS = 14 * 24;
