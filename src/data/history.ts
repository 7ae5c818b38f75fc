/**
 * Observed annual series for calibration and back-testing, transcribed from shared/corridor-facts.md.
 *
 * Every point carries the tag of its figure: `S` sourced (with confidence H/M/L and the outlet), `D` derived by
 * arithmetic from sourced figures (the arithmetic is in the source string), `E` an estimate. Bounds reported as
 * "< x" or "> x" are stored as x and say so in the source. Nothing after 2024 is listed: the library must project
 * 2025 and later, not be fitted to them.
 *
 * @module
 */
import type { ObservedSeries } from '../scenario/types.js';

/**
 * ILSTC (New International Land-Sea Trade Corridor) containers handled via Chongqing, all three modes (rail-sea,
 * international rail, cross-border road), both directions, TEU per year, 2017–2024. This is the series the bundled
 * scenario is calibrated to (2024 = 251,800 TEU).
 */
export function ilstcChongqingSeries(): ObservedSeries {
  return {
    id: 'ilstc-chongqing',
    corridor: 'ILSTC',
    unit: 'TEU',
    points: [
      {
        year: 2017,
        value: 3_000,
        source: "S/M People's Daily: '< 3,000 TEU' in the first year of trains (upper bound)",
      },
      { year: 2018, value: 34_000, source: 'D/L back-computed from later growth rates (corridor-facts Volumes)' },
      {
        year: 2019,
        value: 50_000,
        source: 'D/L back-computed: Jan–Nov 2020 was 64,013 TEU, +41.6% (corridor-facts Volumes)',
      },
      { year: 2020, value: 72_700, source: 'D/M 2021 = 112,000 was +54% → 112,000 / 1.54 ≈ 72,700' },
      {
        year: 2021,
        value: 112_000,
        source: 'S/H Chongqing Daily: 112,000 TEU (+54%); 64k from Chongqing itself, 48k from outside the city',
      },
      {
        year: 2022,
        value: 148_000,
        source: "S/H People's Daily 2023-01-14: '> 148,000 TEU' (+32%), cargo value CNY 25.12 bn (lower bound)",
      },
      { year: 2023, value: 178_600, source: 'D/M Xinhua Chongqing: Jan–Sep 126,000 TEU (+19%), full year ≈ 178,600' },
      {
        year: 2024,
        value: 251_800,
        source:
          'S/H Xinhua, Jan 2025: 251,800 TEU (+41%), cargo value CNY 46.7 bn (+67%); another release: > 249,000 (+39%)',
      },
    ],
  };
}

/**
 * National ILSTC rail-sea volume (trains via Qinzhou / Beibu Gulf, all provinces), TEU per year. Context only:
 * it is not a Chongqing figure, so it is not part of the bundled scenario's `history`.
 */
export function ilstcRailSeaNationalSeries(): ObservedSeries {
  return {
    id: 'ilstc-rail-sea-national',
    corridor: 'ILSTC',
    corridorMode: 'rail-sea',
    unit: 'TEU',
    points: [
      { year: 2017, value: 3_382, source: 'S/H national rail-sea: 178 trains / 3,382 TEU' },
      { year: 2019, value: 94_000, source: 'S/H national rail-sea: 2,243 trains / 94,000 TEU' },
      { year: 2021, value: 570_000, source: 'S/H national rail-sea: ~6,000 trains / 570,000 TEU' },
      { year: 2023, value: 861_000, source: 'S/H national rail-sea: 861,000 TEU' },
      { year: 2024, value: 960_000, source: 'S/H national rail-sea: > 10,000 trains / 960,000 TEU (lower bound)' },
    ],
  };
}

/**
 * Chongqing's China–Europe (CR Express) trains converted to TEU at the derived ~82 TEU per train. Covers every
 * Chongqing China–Europe/Russia train (the bundled scenario's `CR-Express` and `Northern` corridors together).
 * Context, not part of the scenario's `history`: the TEU are derived, not reported.
 */
export function chongqingChinaEuropeRailSeries(): ObservedSeries {
  return {
    id: 'cr-express-chongqing-derived',
    corridor: 'CR-Express',
    unit: 'TEU',
    points: [
      { year: 2017, value: 54_366, source: 'D/M 663 trains (S/H) × 82 TEU per train (D/H 81–83)' },
      { year: 2018, value: 82_000, source: 'D/M > 1,000 trains (S/H, lower bound) × 82 TEU per train (D/H 81–83)' },
      { year: 2020, value: 213_446, source: 'D/M 2,603 trains (S/H) × 82 TEU per train (D/H 81–83)' },
    ],
  };
}

/**
 * Chengdu and Chongqing together, CR Express TEU per year (reported jointly). Context for the 2024 CR Express
 * estimate of the bundled scenario (Chongqing ≈ half).
 */
export function chengduChongqingChinaEuropeRailSeries(): ObservedSeries {
  return {
    id: 'cr-express-chengdu-chongqing',
    corridor: 'CR-Express',
    unit: 'TEU',
    points: [
      { year: 2021, value: 400_000, source: 'S/H Chengdu + Chongqing: > 4,800 trains / ~400,000 TEU' },
      { year: 2023, value: 430_000, source: 'S/H Chengdu + Chongqing: > 5,300 trains / > 430,000 TEU (lower bound)' },
    ],
  };
}
