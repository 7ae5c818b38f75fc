/**
 * Growth models of an annual volume series, each giving a predictive distribution for a future year that carries
 * its parameter uncertainty, and the naive baselines every model must beat.
 *
 * All models work on y = ln V (volumes are positive and grow multiplicatively). Each forecast carries the model's
 * parameter uncertainty: a Student-t distribution on a transformed scale, mapped back to TEU, where the model is
 * linear; a parametric bootstrap where it is not:
 *
 * - **`log-linear`** (the historical default): y = a + b·year + ε, ordinary least squares; predictive scale
 *   σ̂·√(1 + 1/n + (year − ȳear)²/Sxx), n − 2 degrees of freedom. Needs 3 points. Growth never slows.
 * - **`damped`**: exponential smoothing with a damped additive trend on y (Gardner & McKenzie): level ℓ and
 *   growth b, ŷ(t + h) = ℓ + (φ + … + φʰ)·b, so the growth rate decays geometrically (by φ a year) and the level
 *   tends to a ceiling. α, β, φ are fitted by least squares of the one-step errors over the grid α ∈ {0.1, …, 1},
 *   β ∈ {0, 0.1α, …, α}, φ ∈ {0.8, 0.85, 0.9, 0.95, 0.98}; ℓ and b start from the first two points; σ² = SSE/(n − 3).
 *   Parameter uncertainty by a parametric bootstrap (Pascual, Romo & Ruiz): {@link BOOTSTRAP_REPLICATES} series are
 *   simulated from the fitted model and refitted; each replicate's parameters are run through the observed series
 *   and its future simulated with its own σ (10 futures each). The forecast is that sample (quantiles at rank
 *   p(n + 1)). Needs 4 points, consecutive years.
 * - **`saturating`**: a logistic curve V = K / (1 + e^−(a + b·year)) towards a capacity or market size K. With K
 *   given (option `capacity`), z = ln(V/(K − V)) is a straight line in the year and is fitted as `log-linear`
 *   (3 points, n − 2 df). Without it, K is the value on a grid from 1.1× to 100× the largest observation that
 *   minimises the squared error of ln V (4 points), and the uncertainty of K, a, b and σ is carried by the same kind
 *   of parametric bootstrap: series simulated from the fitted curve, K profiled again, the line refitted to the
 *   observed series under each replicate's K. When the best K is the top of the grid the data show no saturation and
 *   the curve is an exponential in all but name: the fit says so.
 * - **`rw-drift`** (naive baseline): a random walk with drift in y. Drift = (y_last − y_first)/(years spanned),
 *   σ² from the growth rates around it; predictive scale σ̂·√(h + h²/span), m − 1 df for m growth rates. Needs 3
 *   points.
 * - **`last-growth`** (naive baseline): last year's growth repeated. Its error is the change in the growth rate,
 *   whose spread is estimated from the past changes (mean zero): scale σ̂_Δ·√(h(h + 1)(2h + 1)/6), m − 1 df for m
 *   growth rates. Needs 3 points.
 *
 * Series are checked first: at least as many points as the model needs, integer years strictly increasing, values
 * finite and > 0, and a capacity above the last observation; anything else throws a {@link SeriesError} naming the
 * series, the year and the value.
 *
 * One topic over 400 lines: the growth models and their shared fitting and forecasting arithmetic.
 *
 * @module
 */

import { RandomStreams, type Rng } from '../engine/random.js';
import { linearFit, type StudentTPredictive } from '../engine/statistics/linear-fit.js';
import { coverageQuantile } from '../engine/statistics/prediction-interval.js';
import { studentTCdf, studentTQuantile } from '../engine/statistics/student-t.js';
import { describeValue, InvalidParameterError } from '../errors.js';

/** An observed point of a series. */
export interface SeriesPoint {
  year: number;
  value: number;
}

/** A series to fit: an id for messages, and its points (years strictly increasing). */
export interface NamedSeries {
  id: string;
  points: readonly SeriesPoint[];
}

/**
 * A series point that cannot be used: names the series, the year and the value.
 *
 * @example
 * ```ts
 * import { rollingBacktest, SeriesError } from 'corridor-sim';
 *
 * try {
 *   rollingBacktest({ id: 'my-port', points: [{ year: 2023, value: 10 }, { year: 2023, value: 12 }] });
 * } catch (error) {
 *   if (error instanceof SeriesError) console.log(error.message); // names the series, the year and the value
 * }
 * ```
 */
export class SeriesError extends InvalidParameterError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'SeriesError';
  /** The series' id. */
  readonly series: string;
  /** The year of the offending point (undefined when the problem is the series as a whole). */
  readonly year: number | undefined;
  constructor(series: string, year: number | undefined, value: unknown, expected: string) {
    super(year === undefined ? `${series}` : `${series}[${year}]`, value, expected);
    this.series = series;
    this.year = year;
  }
}

/** Checks a series: integer years strictly increasing, finite positive values, at least `minPoints` points. */
export function checkSeries(series: NamedSeries, minPoints = 1, needs = 'this model'): SeriesPoint[] {
  const points = series.points;
  const out: SeriesPoint[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i] as SeriesPoint;
    if (!Number.isInteger(p.year)) throw new SeriesError(series.id, undefined, p.year, `an integer year (point ${i})`);
    if (!(Number.isFinite(p.value) && p.value > 0)) {
      throw new SeriesError(series.id, p.year, p.value, 'a finite volume > 0');
    }
    const previous = out.at(-1);
    if (previous && p.year === previous.year) {
      throw new SeriesError(series.id, p.year, p.value, `a year after ${previous.year}: the year is duplicated`);
    }
    if (previous && p.year < previous.year) {
      throw new SeriesError(series.id, p.year, p.value, `a year after ${previous.year}: sort the series by year`);
    }
    out.push({ year: p.year, value: p.value });
  }
  if (out.length < minPoints) {
    const range = out.length > 0 ? ` (${out[0]?.year}–${out.at(-1)?.year})` : '';
    throw new SeriesError(
      series.id,
      undefined,
      out.length,
      `at least ${minPoints} points${range}: ${needs} needs ${minPoints}`,
    );
  }
  return out;
}

/** Names of the growth models. */
export type GrowthModelName = 'log-linear' | 'damped' | 'saturating' | 'rw-drift' | 'last-growth';

/** The models that project a trend (candidates of `auto`), and the naive baselines. */
export const TREND_MODELS: readonly GrowthModelName[] = ['log-linear', 'damped', 'saturating'];
export const BASELINE_MODELS: readonly GrowthModelName[] = ['rw-drift', 'last-growth'];
export const GROWTH_MODELS: readonly GrowthModelName[] = [...TREND_MODELS, ...BASELINE_MODELS];

/** A predictive distribution of one year's volume. */
export interface GrowthForecast {
  year: number;
  /** Years after the last fitted one. */
  horizon: number;
  median: number;
  interval80: [number, number];
  interval95: [number, number];
  /** The p-quantile of the volume. */
  quantile(p: number): number;
  /** P(volume ≤ v). */
  cdf(v: number): number;
}

/** A model fitted to a series. */
export interface FittedGrowth {
  model: GrowthModelName | 'auto';
  series: string;
  fromYear: number;
  throughYear: number;
  points: number;
  /** The fitted parameters (on the log scale; growth rates as e^b − 1 where named `growth…`). */
  parameters: Record<string, number>;
  /** What the fit found, in words (e.g. no saturation detected). */
  notes: string[];
  /** The predictive distribution of `year` (after the last fitted year). */
  forecast(year: number): GrowthForecast;
}

/** Options of the models. */
export interface GrowthFitOptions {
  /** Capacity or market size K of the saturating model, in the series' unit (default: estimated). */
  capacity?: number;
}

/** The smallest number of points each model needs (the saturating model needs 3 when K is given). */
export function minimumPoints(model: GrowthModelName, options: GrowthFitOptions = {}): number {
  if (model === 'damped') return 4;
  if (model === 'saturating') return options.capacity === undefined ? 4 : 3;
  return 3;
}

/** Builds a forecast from a Student-t predictive on a transformed scale and the map back to volumes. */
function forecastOf(
  year: number,
  horizon: number,
  t: StudentTPredictive,
  toVolume: (z: number) => number,
  fromVolume: (v: number) => number,
): GrowthForecast {
  const quantile = (p: number) => toVolume(t.location + t.scale * studentTQuantile(p, t.df));
  const cdf = (v: number) => {
    if (!(v > 0)) return 0;
    const z = fromVolume(v);
    if (z === Number.POSITIVE_INFINITY) return 1;
    if (t.scale === 0) return z >= t.location ? 1 : 0;
    return studentTCdf((z - t.location) / t.scale, t.df);
  };
  return {
    cdf,
    year,
    horizon,
    median: toVolume(t.location),
    interval80: [quantile(0.1), quantile(0.9)],
    interval95: [quantile(0.025), quantile(0.975)],
    quantile,
  };
}

function horizonOf(year: number, throughYear: number, series: string): number {
  if (!(Number.isInteger(year) && year > throughYear)) {
    throw new SeriesError(series, undefined, year, `a year after the last fitted year (${throughYear}) to forecast`);
  }
  return year - throughYear;
}

/** Fits `model` to a series (all its points; choose the window before). */
export function fitGrowth(model: GrowthModelName, series: NamedSeries, options: GrowthFitOptions = {}): FittedGrowth {
  const fitter = FITTERS[model];
  if (!fitter) throw new SeriesError(series.id, undefined, model, `a growth model (${GROWTH_MODELS.join(', ')})`);
  const points = checkSeries(series, minimumPoints(model, options), `the ${model} model`);
  return fitter(series.id, points, options);
}

type Fitter = (id: string, points: SeriesPoint[], options: GrowthFitOptions) => FittedGrowth;

const years = (points: readonly SeriesPoint[]) => points.map((p) => p.year);
const logs = (points: readonly SeriesPoint[]) => points.map((p) => Math.log(p.value));

function base(model: GrowthModelName, id: string, points: readonly SeriesPoint[]) {
  return {
    model,
    series: id,
    fromYear: (points[0] as SeriesPoint).year,
    throughYear: (points.at(-1) as SeriesPoint).year,
    points: points.length,
  };
}

const logLinear: Fitter = (id, points) => {
  const fit = linearFit(years(points), logs(points));
  const head = base('log-linear', id, points);
  return {
    ...head,
    parameters: {
      growthPerYear: Math.expm1(fit.slope),
      logSlope: fit.slope,
      logSlopeSe: fit.slopeSe,
      sigma: fit.residualSd,
    },
    notes: [],
    forecast: (year) => forecastOf(year, horizonOf(year, head.throughYear, id), fit.predict(year), Math.exp, Math.log),
  };
};

/** Growth rates per year between consecutive points, with the years each spans. */
function growthSteps(points: readonly SeriesPoint[]): { rate: number; gap: number }[] {
  const out: { rate: number; gap: number }[] = [];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as SeriesPoint;
    const b = points[i] as SeriesPoint;
    out.push({ rate: Math.log(b.value / a.value) / (b.year - a.year), gap: b.year - a.year });
  }
  return out;
}

const rwDrift: Fitter = (id, points) => {
  const head = base('rw-drift', id, points);
  const first = points[0] as SeriesPoint;
  const last = points.at(-1) as SeriesPoint;
  const span = last.year - first.year;
  const drift = Math.log(last.value / first.value) / span;
  const steps = growthSteps(points);
  // Each step's log change has variance σ²·gap around drift·gap.
  let ss = 0;
  for (const s of steps) ss += (s.rate * s.gap - drift * s.gap) ** 2 / s.gap;
  const df = steps.length - 1;
  const sigma = Math.sqrt(ss / df);
  return {
    ...head,
    parameters: { growthPerYear: Math.expm1(drift), drift, sigma },
    notes: [],
    forecast: (year) => {
      const h = horizonOf(year, head.throughYear, id);
      const t = { location: Math.log(last.value) + h * drift, scale: sigma * Math.sqrt(h + (h * h) / span), df };
      return forecastOf(year, h, t, Math.exp, Math.log);
    },
  };
};

const lastGrowth: Fitter = (id, points) => {
  const head = base('last-growth', id, points);
  const last = points.at(-1) as SeriesPoint;
  const steps = growthSteps(points);
  const g = (steps.at(-1) as { rate: number }).rate;
  let ss = 0;
  for (let i = 1; i < steps.length; i++)
    ss += ((steps[i] as { rate: number }).rate - (steps[i - 1] as { rate: number }).rate) ** 2;
  const df = steps.length - 1;
  const sigma = Math.sqrt(ss / df);
  return {
    ...head,
    parameters: { growthPerYear: Math.expm1(g), lastLogGrowth: g, sigma },
    notes: [],
    forecast: (year) => {
      const h = horizonOf(year, head.throughYear, id);
      const t = {
        location: Math.log(last.value) + h * g,
        scale: sigma * Math.sqrt((h * (h + 1) * (2 * h + 1)) / 6),
        df,
      };
      return forecastOf(year, h, t, Math.exp, Math.log);
    },
  };
};

/** One pass of damped-trend smoothing: the final level and trend, and the sum of squared one-step errors. */
function dampedPass(y: readonly number[], alpha: number, beta: number, phi: number) {
  let level = y[0] as number;
  let trend = (y[1] as number) - (y[0] as number);
  let sse = 0;
  for (let t = 1; t < y.length; t++) {
    const forecast = level + phi * trend;
    const e = (y[t] as number) - forecast;
    sse += e * e;
    level = forecast + alpha * e;
    trend = phi * trend + beta * e;
  }
  return { level, trend, sse };
}

const DAMPING = [0.8, 0.85, 0.9, 0.95, 0.98];

/** The damped-trend parameters minimising the one-step squared errors of `y` over the grid (see the module notes). */
function dampedFit(y: readonly number[]) {
  let best = { alpha: 1, beta: 0, phi: 0.98, level: 0, trend: 0, sse: Number.POSITIVE_INFINITY };
  for (let a = 1; a <= 10; a++) {
    const alpha = a / 10;
    for (let b = 0; b <= 10; b++) {
      const beta = (alpha * b) / 10;
      for (const phi of DAMPING) {
        const pass = dampedPass(y, alpha, beta, phi);
        if (pass.sse < best.sse - 1e-15) best = { alpha, beta, phi, ...pass };
      }
    }
  }
  return best;
}

/** Replicates of the parametric bootstrap that carries the damped and saturating models' parameter uncertainty. */
export const BOOTSTRAP_REPLICATES = 199;
/** Future draws per bootstrap replicate. */
const DRAWS_PER_REPLICATE = 10;

function normalDraw(rng: Rng): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** A forecast given by a sample of volumes: quantiles at rank p(n + 1), the empirical CDF. */
function sampleForecast(year: number, horizon: number, draws: number[]): GrowthForecast {
  const sorted = draws.sort((a, b) => a - b);
  const quantile = (p: number) => coverageQuantile(sorted, p);
  const cdf = (v: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo / sorted.length;
  };
  return {
    year,
    horizon,
    median: quantile(0.5),
    interval80: [quantile(0.1), quantile(0.9)],
    interval95: [quantile(0.025), quantile(0.975)],
    quantile,
    cdf,
  };
}

/**
 * The named random stream of a model's bootstrap: the same series and window give the same draws, in any process.
 */
function bootstrapRng(model: string, id: string, points: readonly SeriesPoint[]): Rng {
  const head = points.map((p) => `${p.year}:${p.value}`).join(',');
  return new RandomStreams(`growth-bootstrap/${model}/${id}`).fresh(head);
}

const damped: Fitter = (id, points) => {
  const head = base('damped', id, points);
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as SeriesPoint;
    if (p.year !== (points[i - 1] as SeriesPoint).year + 1) {
      throw new SeriesError(
        id,
        p.year,
        p.value,
        `the year after ${(points[i - 1] as SeriesPoint).year}: the damped model needs consecutive years`,
      );
    }
  }
  const y = logs(points);
  const fit = dampedFit(y);
  const df = points.length - 3;
  const sigma = Math.sqrt(fit.sse / df);
  // Parametric bootstrap (Pascual, Romo & Ruiz): series simulated from the fitted model, refitted; each replicate's
  // parameters are run through the observed series and its future simulated with its own σ.
  const rng = bootstrapRng('damped', id, points);
  const replicates: { alpha: number; beta: number; phi: number; level: number; trend: number; sigma: number }[] = [];
  for (let r = 0; r < BOOTSTRAP_REPLICATES; r++) {
    const ys = [y[0] as number, y[1] as number];
    let level = y[0] as number;
    let trend = (y[1] as number) - (y[0] as number);
    for (let t = 1; t < y.length; t++) {
      const e = sigma * normalDraw(rng);
      const forecast = level + fit.phi * trend;
      if (t >= 2) ys.push(forecast + e);
      const err = t >= 2 ? e : (y[1] as number) - forecast;
      level = forecast + fit.alpha * err;
      trend = fit.phi * trend + fit.beta * err;
    }
    const refit = dampedFit(ys);
    const onData = dampedPass(y, refit.alpha, refit.beta, refit.phi);
    replicates.push({
      alpha: refit.alpha,
      beta: refit.beta,
      phi: refit.phi,
      level: onData.level,
      trend: onData.trend,
      sigma: Math.sqrt(refit.sse / df),
    });
  }
  const { alpha, beta, phi, trend } = fit;
  return {
    ...head,
    parameters: { alpha, beta, phi, growthPerYear: Math.expm1(phi * trend), logTrend: trend, sigma },
    notes: [],
    forecast: (year) => {
      const h = horizonOf(year, head.throughYear, id);
      const draws: number[] = [];
      const future = bootstrapRng('damped/future', id, points);
      for (const rep of replicates) {
        for (let d = 0; d < DRAWS_PER_REPLICATE; d++) {
          let level = rep.level;
          let b = rep.trend;
          let value = level;
          for (let j = 1; j <= h; j++) {
            const e = rep.sigma * normalDraw(future);
            value = level + rep.phi * b + e;
            level = level + rep.phi * b + rep.alpha * e;
            b = rep.phi * b + rep.beta * e;
          }
          draws.push(Math.exp(value));
        }
      }
      return sampleForecast(year, h, draws);
    },
  };
};

/** Grid of K / max(V) searched when the capacity is estimated. */
const CAPACITY_GRID = Array.from({ length: 61 }, (_, i) => Math.exp(Math.log(1.1) + (i / 60) * Math.log(100 / 1.1)));

/** The logistic fit of `values` for capacity `k`: the line in z = ln(V/(K − V)) and the squared error of ln V. */
function logisticFit(xs: readonly number[], values: readonly number[], k: number) {
  const fit = linearFit(
    xs,
    values.map((v) => Math.log(v / (k - v))),
  );
  let sse = 0;
  for (let i = 0; i < xs.length; i++) {
    const z = fit.intercept + fit.slope * (xs[i] as number);
    sse += (Math.log(values[i] as number) - Math.log(k) + Math.log1p(Math.exp(-z))) ** 2;
  }
  return { fit, sse, k };
}

/** The capacity on the grid minimising the squared error of ln V. */
function profileCapacity(xs: readonly number[], values: readonly number[]) {
  const max = Math.max(...values);
  let chosen = logisticFit(xs, values, (CAPACITY_GRID[0] as number) * max);
  for (const ratio of CAPACITY_GRID) {
    const candidate = logisticFit(xs, values, ratio * max);
    if (candidate.sse < chosen.sse) chosen = candidate;
  }
  return chosen;
}

const saturating: Fitter = (id, points, options) => {
  const head = base('saturating', id, points);
  const xs = years(points);
  const values = points.map((p) => p.value);
  const max = Math.max(...values);
  const notes: string[] = [];
  if (options.capacity !== undefined) {
    if (!(Number.isFinite(options.capacity) && options.capacity > max)) {
      const at = points.find((p) => p.value === max) ?? (points.at(-1) as SeriesPoint);
      throw new SeriesError(
        id,
        at.year,
        options.capacity,
        `a capacity above the largest observation (${describeValue(max)} in ${at.year})`,
      );
    }
    const k = options.capacity;
    const { fit } = logisticFit(xs, values, k);
    notes.push(`capacity K = ${Math.round(k)} given`);
    return {
      ...head,
      parameters: { capacity: k, logisticRate: fit.slope, sigma: fit.residualSd },
      notes,
      forecast: (year) =>
        forecastOf(
          year,
          horizonOf(year, head.throughYear, id),
          fit.predict(year),
          (z) => k / (1 + Math.exp(-z)),
          (v) => (v >= k ? Number.POSITIVE_INFINITY : Math.log(v / (k - v))),
        ),
    };
  }
  const chosen = profileCapacity(xs, values);
  const df = points.length - 3;
  const sigma = Math.sqrt(chosen.fit.sse / df);
  const ratio = chosen.k / max;
  notes.push(
    ratio >= 99
      ? 'no saturation detected: the best capacity is the top of the grid (100× the largest observation), so the curve is an exponential in all but name'
      : `capacity K = ${Math.round(chosen.k)} estimated (${ratio.toFixed(2)}× the largest observation)`,
  );
  // Parametric bootstrap of (K, a, b, σ): series simulated from the fitted curve with noise in z, K profiled again.
  const rng = bootstrapRng('saturating', id, points);
  const replicates: { k: number; intercept: number; slope: number; sigma: number }[] = [];
  for (let r = 0; r < BOOTSTRAP_REPLICATES; r++) {
    const simulated = xs.map((x) => {
      const z = chosen.fit.intercept + chosen.fit.slope * x + sigma * normalDraw(rng);
      return chosen.k / (1 + Math.exp(-z));
    });
    const refit = profileCapacity(xs, simulated);
    replicates.push({
      k: refit.k,
      intercept: refit.fit.intercept,
      slope: refit.fit.slope,
      sigma: Math.sqrt(refit.fit.sse / df),
    });
  }
  return {
    ...head,
    parameters: { capacity: chosen.k, logisticRate: chosen.fit.slope, sigma },
    notes,
    forecast: (year) => {
      const h = horizonOf(year, head.throughYear, id);
      // Each replicate's curve, moved to pass through the observed series as the original does (its residual
      // mean is zero on the original data), plus its own noise.
      const future = bootstrapRng('saturating/future', id, points);
      const draws: number[] = [];
      for (const rep of replicates) {
        const { fit } = logisticFit(xs, values, Math.max(rep.k, max * 1.0001));
        const k = Math.max(rep.k, max * 1.0001);
        const shift = fit.intercept + fit.slope * year;
        const scale = rep.sigma * Math.sqrt(1 + 1 / fit.n + (year - fit.xMean) ** 2 / fit.sxx);
        for (let d = 0; d < DRAWS_PER_REPLICATE; d++) {
          draws.push(k / (1 + Math.exp(-(shift + scale * normalDraw(future)))));
        }
      }
      return sampleForecast(year, h, draws);
    },
  };
};

const FITTERS: Record<GrowthModelName, Fitter> = {
  'log-linear': logLinear,
  damped,
  saturating,
  'rw-drift': rwDrift,
  'last-growth': lastGrowth,
};

/**
 * The linear pool of forecasts of one year: the mixture Σ wᵢ Fᵢ of their distributions (weights normalised). Its
 * quantiles are found by bisection on the mixture's CDF, on the log scale, between the components' own quantiles.
 */
export function poolForecasts(forecasts: readonly GrowthForecast[], weights: readonly number[]): GrowthForecast {
  const first = forecasts[0];
  if (!first || forecasts.length !== weights.length) {
    throw new SeriesError('pool', undefined, forecasts.length, `one or more forecasts, one weight each`);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((x) => x / total);
  const cdf = (v: number) => forecasts.reduce((a, f, i) => a + (w[i] as number) * f.cdf(v), 0);
  const quantile = (p: number) => {
    let lo = Math.log(Math.min(...forecasts.map((f) => f.quantile(p))));
    let hi = Math.log(Math.max(...forecasts.map((f) => f.quantile(p))));
    if (!(hi - lo > 1e-12)) return Math.exp(lo);
    for (let i = 0; i < 60 && hi - lo > 1e-10; i++) {
      const mid = (lo + hi) / 2;
      if (cdf(Math.exp(mid)) < p) lo = mid;
      else hi = mid;
    }
    return Math.exp((lo + hi) / 2);
  };
  return {
    year: first.year,
    horizon: first.horizon,
    median: quantile(0.5),
    interval80: [quantile(0.1), quantile(0.9)],
    interval95: [quantile(0.025), quantile(0.975)],
    quantile,
    cdf,
  };
}
