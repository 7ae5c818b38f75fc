/**
 * Growth models of an annual volume series, each giving a predictive distribution for a future year that carries
 * its parameter uncertainty, and the naive baselines every model must beat.
 *
 * All models work on y = ln V (volumes are positive and grow multiplicatively). Each forecast is a Student-t
 * distribution on a transformed scale, mapped back to TEU, so its quantiles are exact under the model's assumptions:
 *
 * - **`log-linear`** (the historical default): y = a + b·year + ε, ordinary least squares; predictive scale
 *   σ̂·√(1 + 1/n + (year − ȳear)²/Sxx), n − 2 degrees of freedom. Needs 3 points. Growth never slows.
 * - **`damped`**: exponential smoothing with a damped additive trend on y (Gardner & McKenzie): level ℓ and
 *   growth b, ŷ(t + h) = ℓ + (φ + … + φʰ)·b, so the growth rate decays geometrically (by φ a year) and the level
 *   tends to a ceiling. α, β, φ are fitted by least squares of the one-step errors over the grid α ∈ {0.1, …, 1},
 *   β ∈ {0, 0.1α, …, α}, φ ∈ {0.8, 0.85, 0.9, 0.95, 0.98}; ℓ and b start from the first two points. The h-step
 *   variance is σ²·(1 + Σⱼ₌₁ʰ⁻¹ (α + β(φ + … + φʲ))²) (ETS(A,Ad,N)), σ² = SSE/(n − 3), with n − 3 degrees of freedom
 *   for the three fitted parameters. Needs 4 points.
 * - **`saturating`**: a logistic curve V = K / (1 + e^−(a + b·year)) towards a capacity or market size K. With K
 *   given (option `capacity`), z = ln(V/(K − V)) is a straight line in the year and is fitted as `log-linear`
 *   (3 points, n − 2 df). Without it, K is the value on a grid from 1.1× to 100× the largest observation that
 *   minimises the squared error of ln V, and one more degree of freedom is spent (4 points, n − 3 df). When the best
 *   K is the top of the grid the data show no saturation and the curve is an exponential in all but name: the fit
 *   says so. The uncertainty of an estimated K is carried only by the lost degree of freedom.
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
 * @module
 */
import { linearFit, type StudentTPredictive } from '../engine/statistics/linear-fit.js';
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

/** A series point that cannot be used: names the series, the year and the value. */
export class SeriesError extends InvalidParameterError {
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
  const df = points.length - 3;
  const sigma = Math.sqrt(best.sse / df);
  const { alpha, beta, phi, level, trend } = best;
  return {
    ...head,
    parameters: { alpha, beta, phi, growthPerYear: Math.expm1(phi * trend), logTrend: trend, sigma },
    notes: [],
    forecast: (year) => {
      const h = horizonOf(year, head.throughYear, id);
      let phiSum = 0;
      let variance = 1;
      let power = 1;
      for (let j = 1; j <= h; j++) {
        power *= phi;
        phiSum += power;
        if (j < h) variance += (alpha + beta * phiSum) ** 2;
      }
      const t = { location: level + phiSum * trend, scale: sigma * Math.sqrt(variance), df };
      return forecastOf(year, h, t, Math.exp, Math.log);
    },
  };
};

/** Grid of K / max(V) searched when the capacity is estimated. */
const CAPACITY_GRID = Array.from({ length: 61 }, (_, i) => Math.exp(Math.log(1.1) + (i / 60) * Math.log(100 / 1.1)));

const saturating: Fitter = (id, points, options) => {
  const head = base('saturating', id, points);
  const xs = years(points);
  const last = points.at(-1) as SeriesPoint;
  const max = Math.max(...points.map((p) => p.value));
  const fitFor = (k: number) => {
    const fit = linearFit(
      xs,
      points.map((p) => Math.log(p.value / (k - p.value))),
    );
    let sse = 0;
    for (const p of points) {
      const z = fit.intercept + fit.slope * p.year;
      sse += (Math.log(p.value) - Math.log(k) + Math.log1p(Math.exp(-z))) ** 2;
    }
    return { fit, sse, k };
  };
  const notes: string[] = [];
  let chosen: ReturnType<typeof fitFor>;
  let df: number;
  if (options.capacity !== undefined) {
    if (!(Number.isFinite(options.capacity) && options.capacity > max)) {
      const at = points.find((p) => p.value === max) ?? last;
      throw new SeriesError(
        id,
        at.year,
        options.capacity,
        `a capacity above the largest observation (${describeValue(max)} in ${at.year})`,
      );
    }
    chosen = fitFor(options.capacity);
    df = points.length - 2;
    notes.push(`capacity K = ${Math.round(options.capacity)} given`);
  } else {
    chosen = fitFor((CAPACITY_GRID[0] as number) * max);
    for (const ratio of CAPACITY_GRID) {
      const candidate = fitFor(ratio * max);
      if (candidate.sse < chosen.sse) chosen = candidate;
    }
    df = points.length - 3;
    const ratio = chosen.k / max;
    notes.push(
      ratio >= 99
        ? `no saturation detected: the best capacity is the top of the grid (100× the largest observation), so the curve is an exponential in all but name`
        : `capacity K = ${Math.round(chosen.k)} estimated (${ratio.toFixed(2)}× the largest observation)`,
    );
  }
  const { fit, k } = chosen;
  const scale = Math.sqrt(fit.sse / df);
  return {
    ...head,
    parameters: { capacity: k, logisticRate: fit.slope, sigma: scale },
    notes,
    forecast: (year) => {
      const h = horizonOf(year, head.throughYear, id);
      const location = fit.intercept + fit.slope * year;
      const t = { location, scale: scale * Math.sqrt(1 + 1 / fit.n + (year - fit.xMean) ** 2 / fit.sxx), df };
      return forecastOf(
        year,
        h,
        t,
        (z) => k / (1 + Math.exp(-z)),
        (v) => (v >= k ? Number.POSITIVE_INFINITY : Math.log(v / (k - v))),
      );
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
