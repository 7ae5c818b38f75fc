/**
 * Rolling-origin back-testing of growth models, and the `auto` model that it drives.
 *
 * For each held-out year Y (the origins), every model is refitted on the series' years from the window's start
 * through Y − 1 only, forecasts Y, and is scored against what was observed:
 * - **APE**, the absolute percentage error of the median, averaged over origins into the MAPE;
 * - **coverage** of the 80% and 95% prediction intervals (how many held-out years fell inside), and their **width**
 *   as a share of the median;
 * - **pinball**: the mean pinball (quantile) loss over τ = 0.05, 0.10, …, 0.95 as a share of the observation, a
 *   proper score of the whole predictive distribution (about half the CRPS): lower is better, and a model cannot
 *   improve it by stating intervals narrower or wider than it believes.
 *
 * The naive baselines (`rw-drift`, `last-growth`) are always scored beside the models, so a reader sees whether a
 * model earns its complexity.
 *
 * **`auto`** forecasts year Y with the candidate (every trend model and every baseline) that has the lowest mean
 * pinball loss in a back-test run *inside* the data it is given (origins before Y only, never Y itself), over
 * the inner origins common to the candidates that could be scored at least {@link AUTO_MIN_EVIDENCE} times. With
 * less evidence than that it uses `rw-drift`, the model with the fewest assumptions. Its back-test is therefore an
 * honest out-of-sample test of the selection rule, not of a choice made with hindsight.
 *
 * **Window.** Unless `fromYear` is given, leading ramp-up years (a year whose successor is more than
 * {@link RAMP_UP_RATIO} times it, like the first trains of a corridor) are left out, and the result lists them.
 *
 * @module
 */
import { meanPinballLoss } from '../engine/statistics/linear-fit.js';
import {
  BASELINE_MODELS,
  checkSeries,
  type FittedGrowth,
  fitGrowth,
  type GrowthFitOptions,
  type GrowthForecast,
  type GrowthModelName,
  minimumPoints,
  type NamedSeries,
  poolForecasts,
  SeriesError,
  type SeriesPoint,
  TREND_MODELS,
} from './growth-models.js';

/** A model name, or `auto` (selection by back-test; see the module notes). */
export type BacktestModel = GrowthModelName | 'auto';

/** Every model a back-test scores by default: the trend models, `auto` and the baselines. */
export const BACKTEST_MODELS: readonly BacktestModel[] = [...TREND_MODELS, 'auto', ...BASELINE_MODELS];

/** A year is a ramp-up year when its successor is more than this many times it. */
export const RAMP_UP_RATIO = 3;

/** Inner back-test origins a candidate needs before `auto` trusts its score. */
export const AUTO_MIN_EVIDENCE = 2;

/** A leading year left out of a fit window, and why. */
export interface ExcludedYear {
  year: number;
  value: number;
  reason: string;
}

/** The leading ramp-up years of a series (see {@link RAMP_UP_RATIO}). */
export function detectRampUp(points: readonly SeriesPoint[]): ExcludedYear[] {
  const out: ExcludedYear[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as SeriesPoint;
    const b = points[i + 1] as SeriesPoint;
    const ratio = b.value / a.value;
    if (ratio <= RAMP_UP_RATIO) break;
    out.push({
      year: a.year,
      value: a.value,
      reason: `ramp-up: ${b.year} is ${ratio.toFixed(1)}× ${a.year} (> ${RAMP_UP_RATIO}×)`,
    });
  }
  return out;
}

/** Options of {@link rollingBacktest}. */
export interface RollingBacktestOptions extends GrowthFitOptions {
  /** Models to score (default {@link BACKTEST_MODELS}). Baselines are always added. */
  models?: readonly BacktestModel[];
  /**
   * Held-out years: a list, or `{ from, to }` (to defaults to the last year). Default: every year from the first
   * at which a 3-point model can be fitted.
   */
  origins?: readonly number[] | { from: number; to?: number };
  /** First year of every fit window (default: the series' first year after any ramp-up years). */
  fromYear?: number;
  /** How `auto` uses its evidence (default `pool`). */
  autoMethod?: AutoMethod;
}

/** One model's forecast of one held-out year. */
export interface BacktestForecast {
  year: number;
  observed: number;
  median: number;
  interval80: [number, number];
  interval95: [number, number];
  /** (median − observed) / observed. */
  relativeError: number;
  inside80: boolean;
  inside95: boolean;
  /** Mean pinball loss / observed. */
  pinball: number;
  /** For `auto`: the weights it gave the candidates, and why. */
  auto?: { weights: Partial<Record<GrowthModelName, number>>; reason: string };
}

/** A model's scores over the origins. */
export interface BacktestModelScore {
  model: BacktestModel;
  baseline: boolean;
  /** Origins scored (a model is skipped where it has too few points). */
  scored: number;
  /** Mean absolute percentage error of the median, as a fraction. */
  mape: number;
  /** Held-out years inside the 80% and 95% intervals. */
  inside80: number;
  inside95: number;
  /** Mean width of the intervals as a share of the median. */
  width80: number;
  width95: number;
  /** Mean pinball loss as a share of the observation. */
  pinball: number;
  forecasts: BacktestForecast[];
  /** Origins skipped, with why. */
  skipped: { year: number; reason: string }[];
}

/** The result of {@link rollingBacktest}. */
export interface RollingBacktest {
  series: string;
  /** The fit windows start here (after `excluded`). */
  fromYear: number;
  /** Years left out at the start, and why. */
  excluded: ExcludedYear[];
  origins: number[];
  models: BacktestModelScore[];
  /** The best baseline by MAPE (ties to the first), for "does the model beat it". */
  bestBaseline: GrowthModelName;
}

function isBaseline(model: BacktestModel): model is GrowthModelName {
  return (BASELINE_MODELS as readonly string[]).includes(model);
}

/** The window of a series: from `fromYear`, or after its ramp-up years. */
export function fitWindow(
  series: NamedSeries,
  fromYear?: number,
): { points: SeriesPoint[]; fromYear: number; excluded: ExcludedYear[] } {
  const all = checkSeries(series, 1);
  if (fromYear !== undefined) {
    if (!Number.isInteger(fromYear)) throw new SeriesError(series.id, undefined, fromYear, 'an integer fromYear');
    return { points: all.filter((p) => p.year >= fromYear), fromYear, excluded: [] };
  }
  const excluded = detectRampUp(all);
  const points = all.slice(excluded.length);
  return { points, fromYear: (points[0] as SeriesPoint).year, excluded };
}

function scoreForecast(forecast: GrowthForecast, observed: number): BacktestForecast {
  const [l80, u80] = forecast.interval80;
  const [l95, u95] = forecast.interval95;
  return {
    year: forecast.year,
    observed,
    median: forecast.median,
    interval80: forecast.interval80,
    interval95: forecast.interval95,
    relativeError: (forecast.median - observed) / observed,
    inside80: observed >= l80 && observed <= u80,
    inside95: observed >= l95 && observed <= u95,
    pinball: meanPinballLoss(forecast.quantile, observed) / observed,
  };
}

/** How `auto` uses the back-test evidence: pool the candidates (default) or select the best. */
export type AutoMethod = 'pool' | 'select';

/** What `auto` does for a series: the weight of each candidate, and why. */
export interface AutoChoice {
  method: AutoMethod;
  /** Weights of the candidates used (summing to 1). */
  weights: Partial<Record<GrowthModelName, number>>;
  /** Each scored candidate's mean pinball loss in the inner back-test (a share of the observation). */
  scores: Partial<Record<GrowthModelName, number>>;
  reason: string;
}

const CANDIDATES: readonly GrowthModelName[] = [...TREND_MODELS, ...BASELINE_MODELS];

/** The weights `auto` gives the candidates to forecast the year after `series` (see the module notes). */
export function autoChoice(
  series: NamedSeries,
  options: GrowthFitOptions & { autoMethod?: AutoMethod } = {},
): AutoChoice {
  const method = options.autoMethod ?? 'pool';
  const points = checkSeries(series, 1);
  const inner = new Map<GrowthModelName, Map<number, number>>();
  for (const model of CANDIDATES) {
    const need = minimumPoints(model, options);
    const scores = new Map<number, number>();
    for (let i = need; i < points.length; i++) {
      const target = points[i] as SeriesPoint;
      const fitted = fitGrowth(model, { id: series.id, points: points.slice(0, i) }, options);
      scores.set(target.year, scoreForecast(fitted.forecast(target.year), target.value).pinball);
    }
    inner.set(model, scores);
  }
  const eligible = CANDIDATES.filter((m) => (inner.get(m)?.size ?? 0) >= AUTO_MIN_EVIDENCE);
  if (eligible.length === 0) {
    if (method === 'select') {
      return {
        method,
        weights: { 'rw-drift': 1 },
        scores: {},
        reason: `fewer than ${AUTO_MIN_EVIDENCE} earlier years to back-test on: the random walk with drift, the fewest assumptions`,
      };
    }
    const usable = CANDIDATES.filter((m) => points.length >= minimumPoints(m, options));
    return {
      method,
      weights: Object.fromEntries(usable.map((m) => [m, 1 / usable.length])),
      scores: {},
      reason: `fewer than ${AUTO_MIN_EVIDENCE} earlier years to back-test on: equal weights for ${usable.join(', ')}`,
    };
  }
  const common = [...(inner.get(eligible[0] as GrowthModelName)?.keys() ?? [])].filter((year) =>
    eligible.every((m) => inner.get(m)?.has(year)),
  );
  const scores: Partial<Record<GrowthModelName, number>> = {};
  for (const m of eligible) {
    const byYear = inner.get(m) as Map<number, number>;
    scores[m] = common.reduce((a, y) => a + (byYear.get(y) as number), 0) / common.length;
  }
  const ranking = eligible
    .slice()
    .sort((a, b) => (scores[a] as number) - (scores[b] as number))
    .map((m) => `${m} ${((scores[m] as number) * 100).toFixed(1)}%`)
    .join(', ');
  const evidence = `mean pinball loss in one-year-ahead back-tests of ${common.join(', ')}: ${ranking}`;
  if (method === 'select') {
    const best = eligible.reduce((a, b) => ((scores[b] as number) < (scores[a] as number) ? b : a));
    return { method, weights: { [best]: 1 }, scores, reason: `${best} has the lowest ${evidence}` };
  }
  const inverse = eligible.map((m) => 1 / Math.max(scores[m] as number, 1e-9));
  const total = inverse.reduce((a, b) => a + b, 0);
  return {
    method,
    weights: Object.fromEntries(eligible.map((m, i) => [m, (inverse[i] as number) / total])),
    scores,
    reason: `weights proportional to 1 / ${evidence}`,
  };
}

/** A fitted model, with for `auto` the weights it gave the candidates and why. */
export type FittedGrowthModel = FittedGrowth & { auto?: AutoChoice };

/** Fits `model` (or `auto`) to the whole of `series`; for `auto`, says how it weighted the candidates and why. */
export function fitGrowthModel(
  model: BacktestModel,
  series: NamedSeries,
  options: GrowthFitOptions & { autoMethod?: AutoMethod } = {},
): FittedGrowthModel {
  if (model !== 'auto') return fitGrowth(model, series, options);
  const auto = autoChoice(series, options);
  const parts = Object.entries(auto.weights).map(([m, w]) => ({
    fitted: fitGrowth(m as GrowthModelName, series, options),
    weight: w as number,
  }));
  const first = (parts[0] as { fitted: FittedGrowth }).fitted;
  return {
    model: 'auto',
    series: first.series,
    fromYear: first.fromYear,
    throughYear: first.throughYear,
    points: first.points,
    parameters: auto.weights as Record<string, number>,
    notes: [auto.reason, ...parts.flatMap((p) => p.fitted.notes.map((n) => `${p.fitted.model}: ${n}`))],
    forecast: (year) =>
      parts.length === 1
        ? (parts[0] as { fitted: FittedGrowth }).fitted.forecast(year)
        : poolForecasts(
            parts.map((p) => p.fitted.forecast(year)),
            parts.map((p) => p.weight),
          ),
    auto,
  };
}

/**
 * Rolling-origin back-test of growth models against the naive baselines (see the module notes).
 *
 * @example
 * ```ts
 * import { ilstcChongqingSeries, rollingBacktest } from 'corridor-sim';
 *
 * const result = rollingBacktest(ilstcChongqingSeries(), { models: ['log-linear', 'saturating'], origins: { from: 2021 } });
 * result.models; // each model's errors, pinball loss and coverage
 * result.bestBaseline; // the naive baseline to beat
 * ```
 */
export function rollingBacktest(series: NamedSeries, options: RollingBacktestOptions = {}): RollingBacktest {
  const window = fitWindow(series, options.fromYear);
  const points = window.points;
  const requested = options.models ?? BACKTEST_MODELS;
  const models: BacktestModel[] = [...requested];
  for (const b of BASELINE_MODELS) if (!models.includes(b)) models.push(b);
  const lastYear = (points.at(-1) as SeriesPoint | undefined)?.year ?? window.fromYear;
  let origins: number[];
  if (Array.isArray(options.origins)) origins = [...(options.origins as readonly number[])];
  else {
    const range = options.origins as { from: number; to?: number } | undefined;
    const from = range?.from ?? (points[3] as SeriesPoint | undefined)?.year ?? lastYear + 1;
    const to = range?.to ?? lastYear;
    origins = points.filter((p) => p.year >= from && p.year <= to).map((p) => p.year);
  }
  for (const year of origins) {
    if (!points.some((p) => p.year === year)) {
      throw new SeriesError(series.id, year, year, `an observed year from ${window.fromYear} to hold out`);
    }
  }
  const fitOptions: GrowthFitOptions = options.capacity === undefined ? {} : { capacity: options.capacity };
  const autoMethod = options.autoMethod ?? 'pool';
  const scores = models.map((model): BacktestModelScore => {
    const forecasts: BacktestForecast[] = [];
    const skipped: { year: number; reason: string }[] = [];
    for (const year of origins) {
      const train = { id: series.id, points: points.filter((p) => p.year < year) };
      const observed = (points.find((p) => p.year === year) as SeriesPoint).value;
      const need = model === 'auto' ? 3 : minimumPoints(model, fitOptions);
      if (train.points.length < need) {
        skipped.push({ year, reason: `${train.points.length} points before ${year}; ${model} needs ${need}` });
        continue;
      }
      const fitted = fitGrowthModel(model, train, { ...fitOptions, autoMethod });
      const scored = scoreForecast(fitted.forecast(year), observed);
      if (fitted.auto) scored.auto = { weights: fitted.auto.weights, reason: fitted.auto.reason };
      forecasts.push(scored);
    }
    const n = forecasts.length;
    const mean = (f: (x: BacktestForecast) => number) =>
      n === 0 ? Number.NaN : forecasts.reduce((a, x) => a + f(x), 0) / n;
    return {
      model,
      baseline: isBaseline(model),
      scored: n,
      mape: mean((f) => Math.abs(f.relativeError)),
      inside80: forecasts.filter((f) => f.inside80).length,
      inside95: forecasts.filter((f) => f.inside95).length,
      width80: mean((f) => (f.interval80[1] - f.interval80[0]) / f.median),
      width95: mean((f) => (f.interval95[1] - f.interval95[0]) / f.median),
      pinball: mean((f) => f.pinball),
      forecasts,
      skipped,
    };
  });
  const baselines = scores.filter((s) => s.baseline && s.scored > 0);
  const bestBaseline = (baselines.reduce<BacktestModelScore | undefined>(
    (a, b) => (a === undefined || b.mape < a.mape ? b : a),
    undefined,
  )?.model ?? 'rw-drift') as GrowthModelName;
  return {
    series: series.id,
    fromYear: window.fromYear,
    excluded: window.excluded,
    origins,
    models: scores,
    bestBaseline,
  };
}
