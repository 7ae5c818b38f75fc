/**
 * Ranking and selection with stated guarantees, for comparing a finite set of simulated systems whose outputs arrive
 * one replication at a time (common random numbers across systems allowed). Domain-free.
 *
 * - {@link KnSelection}: the fully sequential indifference-zone procedure KN of Kim & Nelson (2001, "A fully
 *   sequential procedure for indifference-zone selection in simulation", ACM TOMACS 11(3)). With normal outputs
 *   (any correlation between systems, e.g. from common random numbers), if the best mean beats every other by at
 *   least δ, the procedure selects the best with probability ≥ 1 − α.
 * - {@link SequentialFeasibility}: the same triangular continuation region applied to one system against a threshold
 *   (the feasibility check of Andradóttir & Kim, 2010, "Fully sequential procedures for comparing constrained
 *   systems via simulation", Naval Research Logistics 57(5)): with normal outputs, a mean at least ε on the right
 *   side of the threshold is declared feasible, and one at least ε on the wrong side infeasible, each with
 *   probability ≥ 1 − β.
 * - {@link BinomialFeasibility}: for 0/1 outputs (a chance constraint P(event) ≥ q), an exact group-sequential
 *   test on one-sided Clopper–Pearson bounds at a few fixed looks, Bonferroni-split over the looks: a probability
 *   ≥ q + ε is declared feasible and one ≤ q − ε infeasible, each with probability ≥ 1 − β, with no normal
 *   approximation. The last look is chosen so that a decision is always reached there.
 *
 * Each procedure's error bound holds for its own sequence of observations whatever happens to the others, so a
 * caller combines several with Bonferroni: the chance that any of them errs is at most the sum of their error
 * bounds.
 *
 * One topic over 400 lines: three sequential procedures that share their error accounting (each bound holds on its
 * own, combined by Bonferroni) and are validated together (tests/engine/ranking-selection.test.ts).
 *
 * @module
 */
import { InvalidParameterError } from '../../errors.js';

/**
 * The constant η of KN's continuation region for one comparison with error `beta` and a first stage of `n0`
 * observations (variance estimated with n0 − 1 degrees of freedom): ½[(2β)^(−2/(n0−1)) − 1], so that the chance of
 * a wrong decision in that comparison is at most β (Kim & Nelson 2001, with c = 1).
 */
export function knEta(beta: number, n0: number): number {
  if (!(beta > 0 && beta < 0.5)) throw new InvalidParameterError('beta', beta, 'a number in (0, 0.5)');
  if (!Number.isInteger(n0) || n0 < 2) throw new InvalidParameterError('n0', n0, 'an integer >= 2');
  return 0.5 * ((2 * beta) ** (-2 / (n0 - 1)) - 1);
}

function requireProbability(field: string, value: number, max = 0.5): void {
  if (!(value > 0 && value < max)) throw new InvalidParameterError(field, value, `a number in (0, ${max})`);
}

function requirePositiveFinite(field: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new InvalidParameterError(field, value, 'a finite number > 0');
}

function requireFirstStage(n0: number): void {
  if (!Number.isInteger(n0) || n0 < 2) throw new InvalidParameterError('n0', n0, 'an integer >= 2');
}

/** Options of {@link KnSelection}. */
export interface KnSelectionOptions {
  /** Number of systems k (≥ 2). */
  systems: number;
  /** Probability of a wrong selection allowed, in (0, 0.5). */
  alpha: number;
  /** Indifference zone δ > 0, in the output's units: differences smaller than δ are not worth telling apart. */
  delta: number;
  /** First-stage observations per system (≥ 2; 10 or more recommended). */
  n0: number;
  /** Whether larger means are better (default true). */
  largerIsBetter?: boolean;
}

/**
 * KN, fully sequential: feed one observation vector per replication ({@link observe}); after the first `n0`, systems
 * are eliminated whenever their running sum falls below a rival's by more than the shrinking triangular half-width.
 * Stops when one system survives.
 *
 * @example
 * ```ts
 * import { KnSelection } from 'corridor-sim';
 *
 * // Three plans' mean door-to-door days (smaller is better); differences under half a day do not matter.
 * const kn = new KnSelection({ systems: 3, alpha: 0.05, delta: 0.5, n0: 10, largerIsBetter: false });
 * for (let r = 0; !kn.done; r++) {
 *   const common = Math.sin(r * 12.9898) * 0.8; // common random numbers: the same future for every plan
 *   kn.observe([9 + common, 10 + common + Math.cos(r) * 0.3, 9.2 + common + Math.sin(r * 3.1) * 0.3]);
 * }
 * kn.survivors(); // [0]: the best plan, right with probability >= 0.95 when it leads by >= 0.5 day
 * ```
 */
export class KnSelection {
  readonly systems: number;
  readonly alpha: number;
  readonly delta: number;
  readonly n0: number;
  readonly h2: number;
  private readonly sign: number;
  private readonly sums: number[];
  private readonly firstStage: number[][];
  private variances: number[][] | undefined;
  private readonly alive: boolean[];
  private readonly eliminatedAt: (number | undefined)[];
  private r = 0;

  constructor(options: KnSelectionOptions) {
    const { systems, alpha, delta, n0 } = options;
    if (!Number.isInteger(systems) || systems < 1) {
      throw new InvalidParameterError('systems', systems, 'an integer >= 1');
    }
    requireProbability('alpha', alpha);
    requirePositiveFinite('delta', delta);
    requireFirstStage(n0);
    this.systems = systems;
    this.alpha = alpha;
    this.delta = delta;
    this.n0 = n0;
    this.h2 = systems > 1 ? 2 * knEta(alpha / (systems - 1), n0) * (n0 - 1) : 0;
    this.sign = options.largerIsBetter === false ? -1 : 1;
    this.sums = new Array(systems).fill(0);
    this.firstStage = Array.from({ length: systems }, () => []);
    this.alive = new Array(systems).fill(true);
    this.eliminatedAt = new Array(systems).fill(undefined);
  }

  /** Observations taken so far per surviving system. */
  get observations(): number {
    return this.r;
  }

  /** Indices of the systems still in contention. */
  survivors(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.systems; i++) if (this.alive[i]) out.push(i);
    return out;
  }

  /** True once a single system survives. */
  get done(): boolean {
    return this.survivors().length <= 1;
  }

  /** Number of observations after which system `i` was eliminated (undefined while it survives). */
  eliminatedAfter(i: number): number | undefined {
    return this.eliminatedAt[i];
  }

  /** Mean of the observations of system `i` so far. */
  mean(i: number): number {
    return this.r === 0 ? Number.NaN : (this.sums[i] as number) / this.r;
  }

  /**
   * The next replication's outputs, one per system (entries of eliminated systems are ignored and may be NaN).
   * Returns the systems eliminated by this observation.
   */
  observe(values: readonly number[]): number[] {
    if (values.length !== this.systems) {
      throw new InvalidParameterError('values', values.length, `${this.systems} values, one per system`);
    }
    if (this.done) return [];
    for (let i = 0; i < this.systems; i++) {
      if (!this.alive[i]) continue;
      const v = values[i] as number;
      if (!Number.isFinite(v)) throw new InvalidParameterError(`values[${i}]`, v, 'a finite number');
      this.sums[i] = (this.sums[i] as number) + this.sign * v;
      if (this.r < this.n0) (this.firstStage[i] as number[]).push(this.sign * v);
    }
    this.r++;
    if (this.r < this.n0) return [];
    if (this.variances === undefined) this.variances = this.pairVariances();
    const r = this.r;
    const survivors = this.survivors();
    const out: number[] = [];
    for (const i of survivors) {
      for (const l of survivors) {
        if (l === i) continue;
        const s2 = (this.variances[i] as number[])[l] as number;
        const w = Math.max(0, (this.delta / (2 * r)) * ((this.h2 * s2) / (this.delta * this.delta) - r));
        if ((this.sums[i] as number) / r < (this.sums[l] as number) / r - w) {
          out.push(i);
          break;
        }
      }
    }
    for (const i of out) {
      this.alive[i] = false;
      this.eliminatedAt[i] = r;
    }
    return out;
  }

  /** Sample variances of the first-stage differences X_i − X_l. */
  private pairVariances(): number[][] {
    const k = this.systems;
    const out = Array.from({ length: k }, () => new Array<number>(k).fill(0));
    for (let i = 0; i < k; i++) {
      for (let l = i + 1; l < k; l++) {
        const a = this.firstStage[i] as number[];
        const b = this.firstStage[l] as number[];
        if (a.length < this.n0 || b.length < this.n0) continue;
        let mean = 0;
        for (let j = 0; j < this.n0; j++) mean += (a[j] as number) - (b[j] as number);
        mean /= this.n0;
        let ss = 0;
        for (let j = 0; j < this.n0; j++) ss += ((a[j] as number) - (b[j] as number) - mean) ** 2;
        const s2 = ss / (this.n0 - 1);
        (out[i] as number[])[l] = s2;
        (out[l] as number[])[i] = s2;
      }
    }
    return out;
  }
}

/** A feasibility decision. */
export type FeasibilityDecision = 'feasible' | 'infeasible';

/** Options of {@link SequentialFeasibility}. */
export interface SequentialFeasibilityOptions {
  /** The threshold q. */
  threshold: number;
  /** `'>='`: feasible when the mean is ≥ q; `'<='`: when it is ≤ q. */
  sense: '>=' | '<=';
  /** Tolerance ε > 0: means within ε of q may be declared either way. */
  tolerance: number;
  /** Error probability β of this one decision, in (0, 0.5). */
  beta: number;
  /** First-stage observations (≥ 2). */
  n0: number;
}

/**
 * Feasibility of one system's mean against a threshold, fully sequential (Andradóttir & Kim 2010): after n0
 * observations, with S² their sample variance and h² = 2η(n0 − 1), decide as soon as the running sum of
 * (Y − q) (or (q − Y) for `'<='`) leaves ±max(0, h²S²/(2ε) − εr/2).
 *
 * @example
 * ```ts
 * import { type FeasibilityDecision, SequentialFeasibility } from 'corridor-sim';
 *
 * // Is the mean door-to-door time at most 8.5 days (within 0.25 day), wrong with probability <= 0.01?
 * const test = new SequentialFeasibility({ threshold: 8.5, sense: '<=', tolerance: 0.25, beta: 0.01, n0: 10 });
 * let decision: FeasibilityDecision | undefined;
 * for (let r = 0; decision === undefined; r++) decision = test.observe(8 + Math.sin(r * 12.9898) * 0.6);
 * decision; // 'feasible', after test.observations = 10 replications
 * ```
 */
export class SequentialFeasibility {
  readonly options: SequentialFeasibilityOptions;
  readonly h2: number;
  private sum = 0;
  private r = 0;
  private readonly first: number[] = [];
  private s2: number | undefined;
  private result: FeasibilityDecision | undefined;

  constructor(options: SequentialFeasibilityOptions) {
    if (!Number.isFinite(options.threshold)) {
      throw new InvalidParameterError('threshold', options.threshold, 'a finite number');
    }
    if (options.sense !== '>=' && options.sense !== '<=') {
      throw new InvalidParameterError('sense', options.sense, '">=" or "<="');
    }
    requirePositiveFinite('tolerance', options.tolerance);
    requireProbability('beta', options.beta);
    requireFirstStage(options.n0);
    this.options = { ...options };
    this.h2 = 2 * knEta(options.beta, options.n0) * (options.n0 - 1);
  }

  get observations(): number {
    return this.r;
  }

  /** The decision, once made. */
  get decision(): FeasibilityDecision | undefined {
    return this.result;
  }

  /** Mean of the observations so far. */
  get mean(): number {
    return this.r === 0
      ? Number.NaN
      : this.options.threshold + (this.options.sense === '>=' ? 1 : -1) * (this.sum / this.r);
  }

  observe(value: number): FeasibilityDecision | undefined {
    if (!Number.isFinite(value)) throw new InvalidParameterError('value', value, 'a finite number');
    if (this.result !== undefined) return this.result;
    const { threshold, sense, tolerance, n0 } = this.options;
    const d = sense === '>=' ? value - threshold : threshold - value;
    this.sum += d;
    if (this.r < n0) this.first.push(d);
    this.r++;
    if (this.r < n0) return undefined;
    if (this.s2 === undefined) {
      const m = this.first.reduce((a, b) => a + b, 0) / n0;
      this.s2 = this.first.reduce((a, b) => a + (b - m) ** 2, 0) / (n0 - 1);
    }
    const half = Math.max(0, (this.h2 * this.s2) / (2 * tolerance) - (tolerance * this.r) / 2);
    if (this.sum > half || (half === 0 && this.sum >= 0)) this.result = 'feasible';
    else if (this.sum < -half) this.result = 'infeasible';
    return this.result;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Exact binomial bounds.

/** ln C(n, x) + x ln p + (n − x) ln(1 − p), the log of the binomial probability of x successes in n. */
function logBinomialPmf(x: number, n: number, p: number, logChoose: number): number {
  if (p <= 0) return x === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (p >= 1) return x === n ? 0 : Number.NEGATIVE_INFINITY;
  return logChoose + x * Math.log(p) + (n - x) * Math.log1p(-p);
}

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let k = logFactorials.length; k <= n; k++) logFactorials[k] = (logFactorials[k - 1] as number) + Math.log(k);
  return logFactorials[n] as number;
}

/**
 * P(X ≤ x) for X ~ Binomial(n, p), summed exactly term by term (n up to a few hundred thousand).
 *
 * @example
 * ```ts
 * import { binomialCdf } from 'corridor-sim';
 *
 * binomialCdf(35, 40, 0.9); // 0.371: at most 35 futures of 40 reach a target met with probability 0.9
 * ```
 */
export function binomialCdf(x: number, n: number, p: number): number {
  if (x < 0) return 0;
  if (x >= n) return 1;
  let total = 0;
  const lf = logFactorial(n);
  for (let k = 0; k <= x; k++) {
    total += Math.exp(logBinomialPmf(k, n, p, lf - logFactorial(k) - logFactorial(n - k)));
  }
  return Math.min(1, total);
}

function bisect(f: (p: number) => boolean): number {
  // f is true at 0 and false at 1 (monotone); returns the boundary.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * One-sided Clopper–Pearson bounds of a binomial proportion after `x` successes in `n`: `lower` with
 * P(p < lower) ≤ γ and `upper` with P(p > upper) ≤ γ (each exact, conservative).
 *
 * @example
 * ```ts
 * import { clopperPearsonBounds } from 'corridor-sim';
 *
 * // The target was met in 37 futures of 40: P(target) is above 0.817 and below 0.979, each with 95% confidence.
 * clopperPearsonBounds(37, 40, 0.05); // { lower: 0.8174..., upper: 0.9792... }
 * ```
 */
export function clopperPearsonBounds(x: number, n: number, gamma: number): { lower: number; upper: number } {
  if (!Number.isInteger(n) || n < 1) throw new InvalidParameterError('n', n, 'an integer >= 1');
  if (!Number.isInteger(x) || x < 0 || x > n) throw new InvalidParameterError('x', x, `an integer within 0..${n}`);
  requireProbability('gamma', gamma);
  // lower: the p at which P(X >= x | p) = γ; upper: the p at which P(X <= x | p) = γ.
  const lower = x === 0 ? 0 : bisect((p) => 1 - binomialCdf(x - 1, n, p) < gamma);
  const upper = x === n ? 1 : bisect((p) => binomialCdf(x, n, p) > gamma);
  return { lower, upper };
}

/** Options of {@link BinomialFeasibility}. */
export interface BinomialFeasibilityOptions {
  /** Required probability q of the event, in (0, 1). */
  threshold: number;
  /** Tolerance ε > 0 (q ± ε within (0, 1)). */
  tolerance: number;
  /** Error probability β of this one decision, in (0, 0.5). */
  beta: number;
  /** Observations at the first look (≥ 1). */
  n0: number;
  /** Growth factor of the looks: look j is at ⌈n0·g^j⌉ (default 1.5). */
  growth?: number;
}

/**
 * The looks of {@link BinomialFeasibility}: sizes n0·g^j up to the first at which every count of successes leads to
 * a decision with the Bonferroni-split level β/L (L the number of looks).
 */
export function binomialLooks(options: BinomialFeasibilityOptions): number[] {
  const key = [options.threshold, options.tolerance, options.beta, options.n0, options.growth ?? 1.5].join('/');
  let looks = looksCache.get(key);
  if (looks === undefined) {
    looks = computeLooks(options);
    looksCache.set(key, looks);
  }
  return [...looks];
}

const looksCache = new Map<string, number[]>();

function computeLooks(options: BinomialFeasibilityOptions): number[] {
  const { threshold: q, tolerance: eps, beta, n0 } = options;
  const g = options.growth ?? 1.5;
  if (!(q > 0 && q < 1)) throw new InvalidParameterError('threshold', q, 'a probability in (0, 1)');
  requirePositiveFinite('tolerance', eps);
  if (!(q - eps >= 0 && q + eps <= 1)) {
    throw new InvalidParameterError(
      'tolerance',
      eps,
      `a number with threshold ± tolerance within [0, 1] (threshold ${q})`,
    );
  }
  requireProbability('beta', beta);
  if (!Number.isInteger(n0) || n0 < 1) throw new InvalidParameterError('n0', n0, 'an integer >= 1');
  if (!(g > 1 && Number.isFinite(g))) throw new InvalidParameterError('growth', g, 'a finite number > 1');
  for (let looks = 1; looks <= 40; looks++) {
    const sizes: number[] = [];
    for (let j = 0; j < looks; j++) {
      const size = Math.ceil(n0 * g ** j);
      sizes.push(Math.max(size, (sizes[j - 1] ?? 0) + 1));
    }
    const last = sizes[sizes.length - 1] as number;
    if (alwaysDecides(last, q, eps, beta / looks)) return sizes;
  }
  throw new InvalidParameterError(
    'tolerance',
    eps,
    `a tolerance the test can resolve within 40 looks from n0 = ${n0} (make it larger, or n0 larger)`,
  );
}

/** P(X ≥ x) for X ~ Binomial(n, p). */
function upperTail(x: number, n: number, p: number): number {
  return x <= 0 ? 1 : 1 - binomialCdf(x - 1, n, p);
}

/**
 * The decision at a look with x events in n at level γ: feasible when the lower Clopper–Pearson bound exceeds q − ε,
 * i.e. P(X ≥ x | q − ε) < γ; infeasible when the upper bound is below q + ε, i.e. P(X ≤ x | q + ε) < γ.
 */
function lookDecision(x: number, n: number, q: number, eps: number, gamma: number): FeasibilityDecision | undefined {
  const feasible = upperTail(x, n, q - eps) < gamma;
  const infeasible = binomialCdf(x, n, q + eps) < gamma;
  if (feasible && infeasible) return x / n >= q ? 'feasible' : 'infeasible';
  if (feasible) return 'feasible';
  if (infeasible) return 'infeasible';
  return undefined;
}

/** True when, after n observations, every count x yields a decision at level γ. */
function alwaysDecides(n: number, q: number, eps: number, gamma: number): boolean {
  // Both conditions are monotone in x: "not feasible" holds for x ≤ x1, "not infeasible" for x ≥ x2.
  let x1 = -1;
  for (let x = 0; x <= n; x++) if (upperTail(x, n, q - eps) >= gamma) x1 = x;
  let x2 = n + 1;
  for (let x = n; x >= 0; x--) if (binomialCdf(x, n, q + eps) >= gamma) x2 = x;
  return x2 > x1;
}

/**
 * Feasibility of a chance constraint P(event) ≥ q from 0/1 observations: at each look n_j (its `looks`, from
 * `binomialLooks`) with x events, declare feasible when the one-sided Clopper–Pearson lower bound at level
 * β/L exceeds q − ε, infeasible when the upper bound is below q + ε (when both hold, by the sign of x/n − q). Exact:
 * a probability ≥ q + ε is declared infeasible, and one ≤ q − ε feasible, each with probability ≤ β.
 *
 * @example
 * ```ts
 * import { BinomialFeasibility, type FeasibilityDecision } from 'corridor-sim';
 *
 * // Is P(ILSTC 2027 >= 405,000 TEU) >= 0.9 (within 0.05), wrong with probability <= 0.01?
 * const test = new BinomialFeasibility({ threshold: 0.9, tolerance: 0.05, beta: 0.01, n0: 10 });
 * test.looks; // [10, 15, 23, 34, 51, 76, 114, 171, 257, 385]: a decision by the last look, whatever the data
 * let decision: FeasibilityDecision | undefined;
 * for (let r = 0; decision === undefined; r++) decision = test.observe(r % 20 === 7 ? 0 : 1); // met in 19 of 20
 * decision; // 'feasible', at the look of 171
 * ```
 */
export class BinomialFeasibility {
  readonly options: BinomialFeasibilityOptions;
  readonly looks: number[];
  private successes = 0;
  private r = 0;
  private result: FeasibilityDecision | undefined;

  constructor(options: BinomialFeasibilityOptions) {
    this.looks = binomialLooks(options);
    this.options = { ...options };
  }

  get observations(): number {
    return this.r;
  }

  get decision(): FeasibilityDecision | undefined {
    return this.result;
  }

  /** Share of observations with the event. */
  get mean(): number {
    return this.r === 0 ? Number.NaN : this.successes / this.r;
  }

  /** Observations needed before the next look (0 once decided). */
  get untilNextLook(): number {
    if (this.result !== undefined) return 0;
    const next = this.looks.find((n) => n > this.r) ?? this.r;
    return next - this.r;
  }

  observe(value: number): FeasibilityDecision | undefined {
    if (value !== 0 && value !== 1) throw new InvalidParameterError('value', value, '0 or 1');
    if (this.result !== undefined) return this.result;
    this.successes += value;
    this.r++;
    if (!this.looks.includes(this.r)) return undefined;
    const { threshold: q, tolerance: eps, beta } = this.options;
    this.result = lookDecision(this.successes, this.r, q, eps, beta / this.looks.length);
    return this.result;
  }
}
