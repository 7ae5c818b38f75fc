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
 *
 * @example
 * ```ts
 * import { backtest, ilstcChongqingSeries } from 'corridor-sim';
 *
 * ilstcChongqingSeries().points; // { year, value, source }: every figure with its source tag
 * backtest(ilstcChongqingSeries(), { fromYear: 2018, throughYear: 2023 }).prediction.value; // 2024
 * ```
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
 *
 * @example
 * ```ts
 * import { backtest, ilstcRailSeaNationalSeries } from 'corridor-sim';
 *
 * ilstcRailSeaNationalSeries().points; // { year, value, source }: every figure with its source tag
 * backtest(ilstcRailSeaNationalSeries(), { models: ['log-linear', 'damped'] }).models;
 * ```
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
 *
 * @example
 * ```ts
 * import { backtest, chongqingChinaEuropeRailSeries } from 'corridor-sim';
 *
 * chongqingChinaEuropeRailSeries().points; // { year, value, source }: every figure with its source tag
 * backtest(chongqingChinaEuropeRailSeries(), { models: ['log-linear'] }).models;
 * ```
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
 *
 * @example
 * ```ts
 * import { backtest, chengduChongqingChinaEuropeRailSeries } from 'corridor-sim';
 *
 * chengduChongqingChinaEuropeRailSeries().points; // { year, value, source }: every figure with its source tag
 * backtest(chengduChongqingChinaEuropeRailSeries(), { models: ['damped'] }).models;
 * ```
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

/**
 * Guoyuan port (Chongqing's main Yangtze container port) throughput, TEU per year. Two years only, and the outlets
 * may define the port area differently from each other and from the 1.289 M TEU reported for all of Chongqing port
 * in 2017 (S/M): context, not a series to fit.
 */
export function guoyuanPortSeries(): ObservedSeries {
  return {
    id: 'guoyuan-port',
    corridor: 'Yangtze',
    unit: 'TEU',
    points: [
      { year: 2021, value: 526_500, source: 'S/M Guoyuan port 526,500 TEU (port-area definition may differ)' },
      { year: 2023, value: 990_000, source: 'S/M Guoyuan port 990,000 TEU (port-area definition may differ)' },
    ],
  };
}

/** A sourced annual series in a unit other than TEU (context: growth of a related quantity). */
export interface QuantitySeries {
  id: string;
  corridor: string;
  /** Mt: million tonnes. */
  unit: 'Mt';
  points: { year: number; value: number; source: string }[];
}

/**
 * Cargo through the Three Gorges locks, million tonnes per year (all cargo, not only containers). The 2024 figure is
 * for the locks only (the ship lift excluded), so it is not comparable with the others: it is listed, not fitted.
 * Context for the Yangtze market: it is not Chongqing's container volume.
 */
export function threeGorgesLockCargoSeries(): QuantitySeries {
  return {
    id: 'three-gorges-lock-cargo',
    corridor: 'Yangtze',
    unit: 'Mt',
    points: [
      { year: 2016, value: 130.5, source: 'S/H Three Gorges locks cargo 130.5 Mt' },
      { year: 2019, value: 146, source: 'S/H Three Gorges locks cargo 146 Mt' },
      { year: 2022, value: 156, source: 'S/M Three Gorges locks cargo ~156 Mt' },
      { year: 2023, value: 169, source: 'S/H Three Gorges locks cargo 169 Mt' },
      { year: 2024, value: 154, source: 'S/M 154 Mt through the locks only (ship lift excluded): not comparable' },
    ],
  };
}

/** What history each corridor of the bundled scenario has, and whether a growth model can be fitted to it. */
export interface CorridorHistory {
  corridor: string;
  /** Ids of the series in TEU of the corridor's own volume, usable for fitting (in `chongqingHistories()`). */
  series: string[];
  /** Ids of context series (other units, other geography or inconsistent definitions): not fitted. */
  context: string[];
  /** Points of the fitted series, and whether that is enough for the projection's history fit (>= 4 points). */
  points: number;
  usable: boolean;
  note: string;
}

/**
 * The sourced TEU series of the bundled corridors' own volumes, for a scenario's `history`: ILSTC via Chongqing
 * (2017–2024) and Chongqing's China–Europe trains in TEU (2017, 2018, 2020; D: trains × 82 TEU per train).
 */
export function chongqingHistories(): ObservedSeries[] {
  return [ilstcChongqingSeries(), chongqingChinaEuropeRailSeries()];
}

/** Per corridor of the bundled scenario: the history the facts allow, and why a market has none. */
export function chongqingHistoryCoverage(): CorridorHistory[] {
  return [
    {
      corridor: 'ILSTC',
      series: ['ilstc-chongqing'],
      context: ['ilstc-rail-sea-national'],
      points: 8,
      usable: true,
      note: '2017–2024 (2017 is the ramp-up year, left out of fits); S and D figures',
    },
    {
      corridor: 'CR-Express',
      series: ['cr-express-chongqing-derived'],
      context: ['cr-express-chengdu-chongqing'],
      points: 3,
      usable: false,
      note:
        '3 points (2017, 2018, 2020; trains S/H × 82 TEU per train D/H, so D) with a gap, covering CR-Express and ' +
        'Northern together; fewer than the 4 a projection needs, so the market borrows its spread. 2021 is reported ' +
        'for the first half only (1,359 trains) and 2022 onwards not for Chongqing alone',
    },
    {
      corridor: 'Northern',
      series: [],
      context: ['cr-express-chongqing-derived'],
      points: 0,
      usable: false,
      note: "no series of its own: Chongqing's China–Europe/Russia trains are reported together (see CR-Express)",
    },
    {
      corridor: 'Yangtze',
      series: [],
      context: ['guoyuan-port', 'three-gorges-lock-cargo'],
      points: 0,
      usable: false,
      note:
        'no consistent TEU series: Chongqing port 1.289 M TEU (2017) and Guoyuan 526,500 (2021) / 990,000 (2023) ' +
        'may define the port differently; 73% of 666,400 foreign-trade TEU went by the Yangtze in 2018 (one year); ' +
        'Three Gorges lock cargo is in tonnes of all cargo',
    },
  ];
}
