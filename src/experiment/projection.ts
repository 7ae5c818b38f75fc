/**
 * Multi-year projection toward targets: the maths, independent of where replications run (no Node built-in). `project`
 * (project.ts) runs it on Node's worker-thread pool; a browser runs it on Web Workers. One topic over 400 lines: the
 * model of the futures and the outlook drawn from them, which are read together. The model of the futures:
 *
 * Each replication is one possible future, simulated year by year (each year a one-year run: the first with a 30-day
 * warm-up, the later ones from the pipeline the future's previous year ended with; see "backlog carried over"):
 * - **markets**: every demand flow belongs to the market of the corridor its cheapest route (by generalized cost,
 *   nothing closed) takes — flows to ASEAN to the ILSTC market, to Europe to the CR-Express market, and so on.
 *   A market's flows share its growth path, so a good year for the ILSTC is not also a good year on the Yangtze.
 * - **uncertain growth**, per market, calibrated from the scenario's observed history of that market's corridor
 *   (see {@link calibrate}; the first series of the corridor with at least 4 points, from its second year, since a
 *   corridor's first year is a ramp-up). In future r, a market's demand in year y is its flows' trend volume times
 *   exp((y − base)·δ + S_y):
 *   - δ ~ N(0, s²), drawn once per future: the trend itself is uncertain; s is the standard error of the history's
 *     fitted log-slope;
 *   - S_y, the sum of yearly shocks ε ~ N(−σ²/2, σ²) since the base year: a random walk in log volume whose mean
 *     effect is neutral; σ is the spread of the history's year-on-year log growth.
 *   A market without a usable history of its own borrows s and σ from the first target's market (the projection
 *   reports which). `logGrowthSd` and `logTrendSd` override σ and s for every market.
 * - **the trend** (`growth`): `'scenario'` (default) keeps every flow's own growth rate from the scenario;
 *   `'history'` replaces it, for each market with a history of its own, by the history's fitted trend (e^b − 1), so
 *   the projection extrapolates the observed growth instead of the scenario's assumption.
 * - **growth models** (`growth` one of `'log-linear'`, `'damped'`, `'saturating'`, `'rw-drift'`, `'last-growth'`
 *   or `'auto'`; see {@link rollingBacktest}): each market with a history of its own is fitted that model (after
 *   the history's ramp-up years), and future r's volume of the market in year y is the u_r-quantile of the model's
 *   predictive distribution for y, u_r uniform, drawn once per future (`projection/growth/<market>/model`). Each
 *   year's spread is thus the model's, parameter uncertainty included, and a future that starts high stays high
 *   (paths are comonotone across years: the spread of growth between two projected years is understated). The
 *   random walk and trend shift are not added for such a market (s = σ = 0). `'auto'` weights the models by their
 *   back-test scores and the market says which and why. Markets without a history keep the scenario's rates and
 *   borrowed spreads.
 * - random draws come from the future's own streams (`projection/growth/<market>/...`), so a future's path is the
 *   same whatever years are projected or how many workers run;
 * - **dated changes**: services and disruptions start and end on their dates (the model's `startDate`/`endDate`);
 * - **backlog carried over** (`carryBacklog`, default on): the cargo waiting and on vehicles on 31 December of a
 *   future (and its box pools' stocks and empties) starts the next year of the same future where it is
 *   (`SimulateOptions.initialState`; docs/model.md, "Carry-over"), so a saturated corridor's queues, waits and
 *   diversions build up from year to year. The first projected year keeps its warm-up; the later ones start from
 *   the carried state with none (they start loaded; a warm-up would book last December's demand again on top of
 *   the cargo carried from it). Each year reports `carried/in` and `carried/out` (TEU) in its summary;
 * - **route choice reacts**: in year y, every route's generalized cost is raised by the value of last year's delays
 *   in the same future — on each service it uses, the mean wait for a departure beyond the timetable's expected
 *   wait; and once per route, a reliability term of 0.5 × (p95 − mean)/1.645 of its corridor's door-to-door hours
 *   (a standard-deviation proxy valued at a reliability ratio of 0.5).
 *
 * For each year it reports every KPI summarised over replications and, for each target of that year and each
 * corridor's volume, the mean and the 80% and 95% prediction intervals across replications, defined by order
 * statistics at rank p(n + 1) so that they cover one more independent future with the stated probability (see
 * docs/model.md), and for each target the probability of meeting it with its Wilson 95% interval.
 * Every one of these numbers comes with its Monte Carlo error (`mcError`), and the projection warns when the
 * replications are too few for a level (9 for 80%, 39 for 95%).
 *
 * @module
 */
import { RandomStreams, requireSeed, type Seed } from '../engine/random.js';
import {
  minimumDrawsFor,
  type PredictionInterval,
  predictionInterval,
  proportionEstimate,
} from '../engine/statistics/prediction-interval.js';
import { InvalidParameterError } from '../errors.js';
import type { PipelineState } from '../model/carry-state.js';
import type { RunResult } from '../model/result.js';
import { buildNetwork, type CorridorNetwork } from '../network/build.js';
import { shortestRoute } from '../network/routing/index.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { type BacktestModel, type FittedGrowthModel, fitGrowthModel, fitWindow } from './backtest.js';
import { calibrate } from './calibrate.js';
import { GROWTH_MODELS, type GrowthForecast } from './growth-models.js';
import {
  type ReplicationExecutor,
  type ReplicationPlanOptions,
  type ReplicationRunner,
  replicationSeed,
} from './replication-plan.js';
import { type KpiSummary, type ReplicationSummary, summariseRuns } from './summary.js';

export { wilsonInterval } from '../engine/statistics/prediction-interval.js';

/** Options of {@link runProjection}. */
export interface ProjectOptions {
  fromYear: number;
  toYear: number;
  replications: number;
  seed: Seed;
  /** Workers, passed to the runner (Node: worker threads; browser: Web Workers). */
  workers?: number;
  /**
   * Where each year's replications run, passed to the runner: Node's `project` takes `redisExecutor(url)` for
   * workers on other machines (default: worker threads of this process). The results are identical.
   */
  executor?: ReplicationExecutor;
  /**
   * The growth trend: `'scenario'` (default) keeps the flows' own growth rates; `'history'` uses, for each market
   * with a usable history of its own, the trend fitted to it. See the module notes.
   */
  growth?: GrowthModel;
  /** Spread σ of a year's log growth, for every market. Default: calibrated per market from history; 0 for none. */
  logGrowthSd?: number;
  /**
   * Standard deviation s of a future's log-trend shift, for every market. Default: the standard error of each
   * market's fitted log-slope; 0 for a known trend.
   */
  logTrendSd?: number;
  /** Let route choice react to the previous year's delays (default true). */
  reactToDelays?: boolean;
  /**
   * Carry each future's backlog into its next year (default true): the cargo waiting and on vehicles at the end of
   * a year starts the next year of the same future, where it is (see the module notes). `false` runs every year on
   * its own, from empty, as before.
   */
  carryBacklog?: boolean;
  /** Warm-up days of each yearly run (default 30; with `carryBacklog`, of the first projected year only). */
  warmupDays?: number;
  onProgress?: (progress: { year: number; done: number; total: number }) => void;
  /**
   * Called with each projected year's runs, replication by replication, once the year is done (e.g. to pair the
   * futures of two scenarios, as `compareProjections` does). The runs are the projection's own: do not modify them.
   */
  onYearRuns?: (year: number, runs: readonly RunResult[]) => void;
}

/** A target's outlook in one year. */
export interface TargetOutlook {
  id: string;
  corridor: string;
  year: number;
  targetTeu: number;
  meanTeu: number;
  /** 80% prediction interval of the year's TEU (order statistics at p(n + 1): see docs/model.md). */
  interval80: [number, number];
  /** 95% prediction interval, defined likewise. */
  interval95: [number, number];
  /** Share of replications meeting the target. */
  probability: number;
  /** Wilson 95% interval of that probability. */
  probabilityCi95: [number, number];
  /** Monte Carlo error of every number above. */
  mcError: OutlookError & {
    /** Standard error √(p(1 − p)/n) of `probability`. */
    probabilitySe: number;
  };
  /** Set when the replications are too few for a level (see docs/model.md). */
  warnings?: string[];
}

/**
 * Monte Carlo error of a projected quantity: standard error of the mean, and of each interval bound (from the
 * distribution-free confidence interval of the quantile; see docs/model.md), as `[lower, upper]`.
 */
export interface OutlookError {
  meanSe: number;
  interval80Se: [number, number];
  interval95Se: [number, number];
  /** The coverage each interval has with this many replications: its level, or less when n is too small. */
  achievedCoverage: { interval80: number; interval95: number };
}

/** One projected year. */
export interface ProjectedYear {
  year: number;
  summary: ReplicationSummary;
  targets: TargetOutlook[];
  /** Volume of each corridor key in the year: mean and prediction intervals across replications. */
  volumes: Record<string, VolumeOutlook>;
}

/** A corridor's volume in a projected year: mean, 80% and 95% prediction intervals, and their Monte Carlo error. */
export interface VolumeOutlook {
  mean: number;
  interval80: [number, number];
  interval95: [number, number];
  mcError: OutlookError;
}

/**
 * How the trend of demand is set: see {@link ProjectOptions.growth}. `'history'` is the log-linear trend with the
 * scenario's spreads (as before); a growth model name (`'log-linear'`, `'damped'`, `'saturating'`, `'rw-drift'`,
 * `'last-growth'`) or `'auto'` draws each market with a history from that model's predictive distribution.
 */
export type GrowthModel = 'scenario' | 'history' | BacktestModel;

/** Every value of {@link GrowthModel}. */
export const PROJECTION_GROWTH: readonly GrowthModel[] = ['scenario', 'history', ...GROWTH_MODELS, 'auto'];

/** A market's growth assumption in a projection. */
export interface MarketGrowth {
  /** The corridor whose market this is (the corridor of its flows' cheapest routes). */
  corridor: string;
  /** Ids of the market's demand flows. */
  flows: string[];
  /** Base-year TEU of the market's flows. */
  baseTeu: number;
  /** Trend growth per year: the TEU-weighted mean of the flows' rates (`scenario`) or the history's fitted trend. */
  trendGrowthPerYear: number;
  /** Where the trend came from. */
  trendSource: string;
  /** Standard deviation s of a future's log-trend shift. */
  logTrendSd: number;
  /** Spread σ of a year's log-growth shock. */
  logGrowthSd: number;
  /** Where s and σ came from. */
  spreadSource: string;
  /**
   * With a growth model (`growth` a model name or `auto`) and a history of its own: the model, the window it was
   * fitted on, and what it found (for `auto`, which models it weighted and why). s and σ are then 0: the model's
   * predictive distribution carries the uncertainty.
   */
  model?: {
    name: BacktestModel;
    series: string;
    fromYear: number;
    throughYear: number;
    excludedYears: number[];
    weights?: Record<string, number>;
    notes: string[];
    /** Median and 80% interval of the model's forecast of the year after the scenario's base year. */
    nextYear: { year: number; median: number; interval80: [number, number] };
  };
}

/** The result of {@link runProjection}. */
export interface Projection {
  scenario: string;
  fromYear: number;
  toYear: number;
  replications: number;
  growth: GrowthModel;
  /** Growth assumptions by market. */
  markets: MarketGrowth[];
  /** σ of the first target's market (the headline spread). */
  logGrowthSd: number;
  /** Where that σ came from. */
  logGrowthSdSource: string;
  years: ProjectedYear[];
  /** How the intervals are defined (a sentence for reports). */
  intervalDefinition: string;
  /** Warnings about the statistics: too few replications for a level. */
  warnings: string[];
}

/** The definition of the projection's intervals, as reports state it. */
export const INTERVAL_DEFINITION =
  'prediction intervals from order statistics at rank p(n + 1) of the n simulated futures, which cover a further ' +
  'independent future with the stated probability; Monte Carlo errors (±) are standard errors from the ' +
  'distribution-free confidence interval of each quantile and from the binomial error of each probability';

/** A corridor's usable history: its first series (no mode) with at least 4 points, fitted from its second year. */
function historyFit(scenario: ScenarioSpec, corridor: string) {
  const series = scenario.history.find((h) => h.corridor === corridor && !h.corridorMode && h.points.length >= 4);
  if (!series) return undefined;
  const fromYear = series.points.map((p) => p.year).sort((a, b) => a - b)[1] as number;
  const fit = calibrate(series, { fromYear });
  return { fit, series, source: `${series.id} ${fromYear}–${fit.throughYear}` };
}

function isModel(growth: GrowthModel): growth is BacktestModel {
  return growth !== 'scenario' && growth !== 'history';
}

/**
 * The growth model of each market with a history of its own (for `growth` a model name or `auto`): fitted on the
 * history after its ramp-up years. Keyed by corridor.
 */
export function marketGrowthModels(
  scenario: ScenarioSpec,
  growth: GrowthModel,
): Map<string, { fitted: FittedGrowthModel; anchor: number; series: string; excluded: number[] }> {
  const out = new Map<string, { fitted: FittedGrowthModel; anchor: number; series: string; excluded: number[] }>();
  if (!isModel(growth)) return out;
  const corridors = new Set(scenario.history.map((h) => h.corridor));
  for (const corridor of corridors) {
    const own = historyFit(scenario, corridor);
    if (!own) continue;
    const window = fitWindow(own.series);
    // The scenario's base year is "now": the model sees the history up to it, and its volume in the base year is the
    // observed one (or, when the history stops earlier, the model's median for the base year).
    const points = window.points.filter((p) => p.year <= scenario.baseYear);
    const fitted = fitGrowthModel(growth, { id: own.series.id, points });
    const observed = points.find((p) => p.year === scenario.baseYear);
    out.set(corridor, {
      fitted,
      anchor: observed ? observed.value : fitted.forecast(scenario.baseYear).median,
      series: own.series.id,
      excluded: window.excluded.map((e) => e.year),
    });
  }
  return out;
}

/** Groups the flows into markets and sets each market's growth assumption (see the module notes). */
export function projectionMarkets(
  scenario: ScenarioSpec,
  options: Pick<ProjectOptions, 'growth' | 'logGrowthSd' | 'logTrendSd'> = {},
  network: CorridorNetwork = buildNetwork(scenario),
): MarketGrowth[] {
  const byCorridor = new Map<string, ScenarioSpec['demand']['flows']>();
  for (const flow of scenario.demand.flows) {
    const route = shortestRoute(network, flow.origin, flow.destination, { by: 'generalized' });
    const corridor = route?.corridor ?? 'unrouted';
    byCorridor.set(corridor, [...(byCorridor.get(corridor) ?? []), flow]);
  }
  const lead = scenario.targets[0]?.corridor;
  const leadFit = lead === undefined ? undefined : historyFit(scenario, lead);
  const growthModel = options.growth ?? 'scenario';
  const models = marketGrowthModels(scenario, growthModel);
  return [...byCorridor.entries()]
    .sort(([a], [b]) => (a === lead ? -1 : b === lead ? 1 : a.localeCompare(b)))
    .map(([corridor, flows]) => {
      const own = historyFit(scenario, corridor);
      const spread = own ?? leadFit;
      const baseTeu = flows.reduce((a, f) => a + f.teuPerYear, 0);
      const rate = (f: (typeof flows)[number]) => f.growthPerYear ?? scenario.demand.growthPerYear;
      const scenarioTrend =
        baseTeu > 0 ? flows.reduce((a, f) => a + f.teuPerYear * rate(f), 0) / baseTeu : rate(flows[0] as never);
      const useHistory = growthModel === 'history' && own !== undefined;
      let spreadSource = spread
        ? own
          ? `calibrated from ${spread.source}`
          : `borrowed from ${spread.source} (no history of its own)`
        : 'none (no usable history)';
      if (options.logGrowthSd !== undefined || options.logTrendSd !== undefined)
        spreadSource = `given; ${spreadSource}`;
      const model = models.get(corridor);
      if (model) {
        const { fitted } = model;
        const next = fitted.forecast(scenario.baseYear + 1);
        return {
          corridor,
          flows: flows.map((f) => f.id),
          baseTeu,
          trendGrowthPerYear: next.median / model.anchor - 1,
          trendSource: `${growthModel} model fitted to ${model.series} ${fitted.fromYear}–${fitted.throughYear}`,
          logTrendSd: 0,
          logGrowthSd: 0,
          spreadSource: `the ${growthModel} model's predictive distribution (parameter uncertainty included)`,
          model: {
            name: growthModel as BacktestModel,
            series: model.series,
            fromYear: fitted.fromYear,
            throughYear: fitted.throughYear,
            excludedYears: model.excluded,
            ...(fitted.auto ? { weights: fitted.auto.weights as Record<string, number> } : {}),
            notes: fitted.notes,
            nextYear: { year: next.year, median: next.median, interval80: next.interval80 },
          },
        };
      }
      return {
        corridor,
        flows: flows.map((f) => f.id),
        baseTeu,
        trendGrowthPerYear: useHistory ? own.fit.growthPerYear : scenarioTrend,
        trendSource: useHistory ? `fitted to ${own.source}` : "the scenario's flow growth rates",
        logTrendSd: options.logTrendSd ?? spread?.fit.logSlopeSe ?? 0,
        logGrowthSd: options.logGrowthSd ?? spread?.fit.logGrowthSd ?? 0,
        spreadSource,
      };
    });
}

/**
 * The demand paths of the futures: `(index, year) → { flowId: multiplier }`, the factor by which future `index`
 * scales each flow's own trend volume in `year` (see the module notes). Pure: depends only on the arguments.
 */
export function demandPaths(
  scenario: ScenarioSpec,
  markets: readonly MarketGrowth[],
  seed: Seed,
  growth: GrowthModel = 'scenario',
): (index: number, year: number) => Record<string, number> {
  const flowRate = new Map(
    scenario.demand.flows.map((f) => [f.id, f.growthPerYear ?? scenario.demand.growthPerYear] as const),
  );
  const models = marketGrowthModels(scenario, growth);
  const forecasts = new Map<string, GrowthForecast>();
  const forecastOf = (corridor: string, fitted: FittedGrowthModel, year: number) => {
    const key = `${corridor}\u241f${year}`;
    let f = forecasts.get(key);
    if (!f) {
      f = fitted.forecast(year);
      forecasts.set(key, f);
    }
    return f;
  };
  return (index, year) => {
    const streams = new RandomStreams(replicationSeed(seed, index));
    const out: Record<string, number> = {};
    for (const m of markets) {
      const model = m.model ? models.get(m.corridor) : undefined;
      if (model) {
        // One uniform per future, the same in every year: the future sits at the same quantile of the model's
        // predictive distribution each year (each year's distribution is the model's; see the module notes).
        const u = streams.fresh(`projection/growth/${m.corridor}/model`)();
        const years = year - scenario.baseYear;
        const p = Math.min(Math.max(u, 1e-9), 1 - 1e-9);
        const volume = years <= 0 ? model.anchor : forecastOf(m.corridor, model.fitted, year).quantile(p);
        for (const id of m.flows) out[id] = volume / model.anchor / (1 + (flowRate.get(id) ?? 0)) ** years;
        continue;
      }
      const trendShift = m.logTrendSd * normal(streams.fresh(`projection/growth/${m.corridor}/trend`));
      const shocks = streams.fresh(`projection/growth/${m.corridor}/shocks`);
      let walk = 0;
      for (let y = scenario.baseYear + 1; y <= year; y++) {
        walk += -0.5 * m.logGrowthSd ** 2 + m.logGrowthSd * normal(shocks);
      }
      const years = year - scenario.baseYear;
      for (const id of m.flows) {
        const trend = growth === 'history' ? Math.log1p(m.trendGrowthPerYear) - Math.log1p(flowRate.get(id) ?? 0) : 0;
        out[id] = Math.exp(years * (trend + trendShift) + walk);
      }
    }
    return out;
  };
}

/** Standard normal draw by Box–Muller (one per call, two uniforms). */
function normal(rng: () => number): number {
  const u1 = 1 - rng();
  const u2 = rng();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** What a projection asks of its runner besides the plan: the worker count, executor and progress, passed through. */
export type ProjectionRunnerOptions = ReplicationPlanOptions & {
  workers?: number;
  executor?: ReplicationExecutor;
  onProgress?: (progress: { done: number; total: number }) => void;
};

/**
 * Projects a scenario year by year with the given runner of replications (see `project` for Node's worker-thread pool,
 * `replicateInWorkers` for a browser's Web Workers): everything but where the replications run. The runner must run
 * the plan it is given (its seeds and per-replication options), so every runner gives the same projection.
 */
export async function runProjection(
  scenario: ScenarioSpec,
  options: ProjectOptions,
  replicate: ReplicationRunner<ProjectionRunnerOptions>,
): Promise<Projection> {
  const { fromYear, toYear, replications } = options;
  const seed = requireSeed('seed', options.seed);
  if (!Number.isInteger(fromYear) || fromYear < scenario.baseYear) {
    throw new InvalidParameterError(
      'fromYear',
      fromYear,
      `an integer year >= the scenario's base year (${scenario.baseYear})`,
    );
  }
  if (!Number.isInteger(toYear) || toYear < fromYear || toYear > fromYear + 50) {
    throw new InvalidParameterError('toYear', toYear, `an integer year from fromYear (${fromYear}) to fromYear + 50`);
  }
  if (!Number.isInteger(replications) || replications < 2) {
    throw new InvalidParameterError('replications', replications, 'an integer >= 2');
  }
  for (const [field, value] of [
    ['logGrowthSd', options.logGrowthSd],
    ['logTrendSd', options.logTrendSd],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new InvalidParameterError(field, value, 'a finite number >= 0');
    }
  }
  const growth = options.growth ?? 'scenario';
  if (!PROJECTION_GROWTH.includes(growth)) {
    throw new InvalidParameterError('growth', growth, `one of ${PROJECTION_GROWTH.map((g) => `"${g}"`).join(', ')}`);
  }
  const network = buildNetwork(scenario);
  const markets = projectionMarkets(scenario, options, network);
  const expectedWait = new Map(network.services().map((s) => [s.id, s.expectedWaitHours]));

  const flowScales = demandPaths(scenario, markets, seed, growth);

  const carry = options.carryBacklog ?? true;
  if (typeof carry !== 'boolean') throw new InvalidParameterError('carryBacklog', carry, 'a boolean');

  const years: ProjectedYear[] = [];
  let previous: RunResult[] | undefined;
  for (let year = fromYear; year <= toYear; year++) {
    const penalties =
      previous && options.reactToDelays !== false
        ? previous.map((run) => delayPenalties(run, expectedWait))
        : undefined;
    const carried = carry && previous !== undefined ? previous : undefined;
    const set = await replicate(scenario, {
      replications,
      seed: `${typeof seed === 'number' ? `n${seed}` : `s${seed}`}/year/${year}`,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.executor !== undefined ? { executor: options.executor } : {}),
      startDate: `${year}-01-01`,
      years: 1,
      // A year that starts from its future's carried pipeline needs no warm-up: it starts loaded, and a warm-up
      // would book last December's demand a second time on top of the cargo carried from it.
      warmupDays: carried ? 0 : (options.warmupDays ?? 30),
      perReplication: (index) => ({
        demandScaleByFlow: flowScales(index, year),
        ...(penalties ? (penalties[index] as DelayPenalties) : {}),
        ...(carried ? { initialState: carriedState(carried[index] as RunResult, index) } : {}),
        ...(carry && year < toYear ? { keepEndState: true } : {}),
      }),
      onProgress: ({ done, total }) => options.onProgress?.({ year, done, total }),
    });
    years.push(outlook(scenario, year, set.runs));
    options.onYearRuns?.(year, set.runs);
    previous = set.runs;
  }
  const lead = markets[0];
  return {
    scenario: scenario.name,
    fromYear,
    toYear,
    replications,
    growth,
    markets,
    logGrowthSd: lead?.logGrowthSd ?? 0,
    logGrowthSdSource: lead ? `${lead.corridor} market: ${lead.spreadSource}` : 'none',
    years,
    intervalDefinition: INTERVAL_DEFINITION,
    warnings: replicationWarnings(replications),
  };
}

/** The pipeline a future ended its previous year with. */
function carriedState(run: RunResult, index: number): PipelineState {
  if (run.endState === undefined) {
    throw new InvalidParameterError(`runs[${index}].endState`, undefined, 'the end state the runner was asked to keep');
  }
  return run.endState;
}

/** Last year's delays as choice penalties for the next year (see the module notes). */
interface DelayPenalties {
  routePenaltyHours: Record<string, number>;
  corridorPenaltyHours: Record<string, number>;
}

function delayPenalties(run: RunResult, expectedWait: Map<string, number>): DelayPenalties {
  const routePenaltyHours: Record<string, number> = {};
  for (const [id, service] of Object.entries(run.services)) {
    const excess = Math.max(0, service.meanWaitForDepartureHours - (expectedWait.get(id) ?? 0));
    // Penalties are keyed by the spec id; a return run counts with its outbound (the larger of the two).
    const key = id.endsWith('~return') ? id.slice(0, -'~return'.length) : id;
    routePenaltyHours[key] = Math.max(routePenaltyHours[key] ?? 0, excess);
  }
  const corridorPenaltyHours: Record<string, number> = {};
  for (const [key, corridor] of Object.entries(run.corridors)) {
    const d2d = corridor.doorToDoorHours;
    if (d2d.count > 0) corridorPenaltyHours[key] = (0.5 * Math.max(0, d2d.p95 - d2d.mean)) / 1.645;
  }
  return { routePenaltyHours, corridorPenaltyHours };
}

function describe(values: readonly number[]): VolumeOutlook & { warnings: string[] } {
  const sorted = [...values].sort((a, b) => a - b);
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  const p80 = predictionInterval(sorted, 0.8);
  const p95 = predictionInterval(sorted, 0.95);
  const bounds = (p: PredictionInterval): [number, number] => [p.lower, p.upper];
  const ses = (p: PredictionInterval): [number, number] => [p.lowerError.se, p.upperError.se];
  return {
    mean,
    interval80: bounds(p80),
    interval95: bounds(p95),
    mcError: {
      meanSe: sd / Math.sqrt(n),
      interval80Se: ses(p80),
      interval95Se: ses(p95),
      achievedCoverage: { interval80: p80.achievedCoverage, interval95: p95.achievedCoverage },
    },
    warnings: [p80.warning, p95.warning].filter((w): w is string => w !== undefined),
  };
}

function outlook(scenario: ScenarioSpec, year: number, runs: RunResult[]): ProjectedYear {
  const summary = summariseRuns(runs);
  const keys = new Set<string>();
  for (const run of runs) for (const key of Object.keys(run.corridors)) keys.add(key);
  const volumes: ProjectedYear['volumes'] = {};
  for (const key of [...keys].sort()) {
    const { warnings: _, ...volume } = describe(
      runs.map((r) => r.corridors[key]?.dispatchedTeuByYear[String(year)] ?? 0),
    );
    volumes[key] = volume;
  }
  const targets: TargetOutlook[] = scenario.targets
    .filter((t) => t.year === year)
    .map((t) => {
      const values = runs.map((r) => r.targets.find((x) => x.id === t.id)?.simulatedTeu ?? 0);
      const met = values.filter((v) => v >= t.teu).length;
      const { mean, interval80, interval95, mcError, warnings } = describe(values);
      const probability = proportionEstimate(met, runs.length);
      return {
        id: t.id,
        corridor: t.corridorMode ? `${t.corridor}/${t.corridorMode}` : t.corridor,
        year,
        targetTeu: t.teu,
        meanTeu: mean,
        interval80,
        interval95,
        probability: probability.p,
        probabilityCi95: probability.ci95,
        mcError: { ...mcError, probabilitySe: probability.se },
        ...(warnings.length > 0 ? { warnings } : {}),
      };
    });
  return { year, summary, targets, volumes };
}

/** Warnings of a projection with n replications: levels its intervals cannot reach. */
function replicationWarnings(n: number): string[] {
  return [0.8, 0.95]
    .filter((level) => n < minimumDrawsFor(level))
    .map(
      (level) =>
        `${n} replications are too few for ${level * 100}% intervals (need >= ${minimumDrawsFor(level)}): ` +
        `those intervals are [min, max] of the futures and cover ${Math.round(((n - 1) / (n + 1)) * 1000) / 10}%`,
    );
}

export type { KpiSummary };
