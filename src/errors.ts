/**
 * Typed errors shared by every layer.
 *
 * Each error names the offending field (or JSON-style path), the value that was given and what was expected, so a
 * user can fix the input without reading the source. Messages look like
 * `services[ilstc-rail-1].capacityTeu: -5 is not > 0`.
 *
 * @module
 */

/**
 * Base class of every error corridor-sim throws on purpose.
 *
 * @example
 * ```ts
 * import { chongqingScenario, CorridorSimError, InvalidParameterError, simulate, ValidationError } from 'corridor-sim';
 *
 * try {
 *   simulate(chongqingScenario(), { seed: 1, years: -1 });
 * } catch (error) {
 *   if (error instanceof ValidationError) {
 *     error.field; // 'options.years'
 *     error.value; // -1
 *     error.expected; // 'a number in (0, 100]'
 *   }
 *   error instanceof InvalidParameterError; // true
 *   error instanceof CorridorSimError; // true: every error corridor-sim throws on purpose
 * }
 * ```
 */
export class CorridorSimError extends Error {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'CorridorSimError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Renders a value for an error message: numbers as written (NaN, Infinity included), strings quoted, short JSON else. */
export function describeValue(value: unknown): string {
  if (typeof value === 'number') {
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  try {
    const json = JSON.stringify(value);
    if (json === undefined) return String(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}

/**
 * A field had a value outside what it accepts. Base of the more specific validation errors.
 *
 * @example
 * ```ts
 * import { chongqingScenario, CorridorSimError, InvalidParameterError, simulate, ValidationError } from 'corridor-sim';
 *
 * try {
 *   simulate(chongqingScenario(), { seed: 1, years: -1 });
 * } catch (error) {
 *   if (error instanceof ValidationError) {
 *     error.field; // 'options.years'
 *     error.value; // -1
 *     error.expected; // 'a number in (0, 100]'
 *   }
 *   error instanceof InvalidParameterError; // true
 *   error instanceof CorridorSimError; // true: every error corridor-sim throws on purpose
 * }
 * ```
 */
export class ValidationError extends CorridorSimError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'ValidationError';
  /** Where the bad value sits: a parameter name or a path such as `services[ilstc-rail-1].capacityTeu`. */
  readonly field: string;
  /** The value that was given. */
  readonly value: unknown;
  /** What was expected, phrased to follow "is not", e.g. `> 0` or `a finite number`. */
  readonly expected: string;

  constructor(field: string, value: unknown, expected: string, options?: { cause?: unknown }) {
    super(`${field}: ${describeValue(value)} is not ${expected}`, options);
    this.field = field;
    this.value = value;
    this.expected = expected;
  }
}

/**
 * A parameter of an engine call (delay, distribution parameter, server count...) is invalid.
 *
 * @example
 * ```ts
 * import { chongqingScenario, CorridorSimError, InvalidParameterError, simulate, ValidationError } from 'corridor-sim';
 *
 * try {
 *   simulate(chongqingScenario(), { seed: 1, years: -1 });
 * } catch (error) {
 *   if (error instanceof ValidationError) {
 *     error.field; // 'options.years'
 *     error.value; // -1
 *     error.expected; // 'a number in (0, 100]'
 *   }
 *   error instanceof InvalidParameterError; // true
 *   error instanceof CorridorSimError; // true: every error corridor-sim throws on purpose
 * }
 * ```
 */
export class InvalidParameterError extends ValidationError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'InvalidParameterError';
}

/** One problem found in a scenario: where, the value found, and what was expected there. */
export interface ScenarioProblem {
  field: string;
  value: unknown;
  expected: string;
}

/**
 * A scenario (network, demand, changes) is invalid; `field` is the path inside the scenario. The error's own
 * field, value and expected are its first problem; `problems` lists every problem found in the same pass (the
 * schema check and the changes report up to {@link MAX_SCENARIO_PROBLEMS} at once; checks across elements stop at
 * the first).
 *
 * @example
 * ```ts
 * import { applyChanges, chongqingScenario, ScenarioError } from 'corridor-sim';
 *
 * try {
 *   applyChanges(chongqingScenario(), [{ kind: 'setCapacity', service: 'no-such-service', capacityTeu: 100 }]);
 * } catch (error) {
 *   if (error instanceof ScenarioError) {
 *     console.log(error.field, error.message); // the path inside the scenario
 *     for (const problem of error.problems) console.log(problem.field, problem.expected); // every problem found
 *   }
 * }
 * ```
 */
export class ScenarioError extends ValidationError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'ScenarioError';
  /** Every problem found, the error's own first. */
  readonly problems: readonly ScenarioProblem[];

  constructor(
    field: string,
    value: unknown,
    expected: string,
    options?: { cause?: unknown; more?: readonly ScenarioProblem[] },
  ) {
    super(field, value, expected, options);
    this.problems = [{ field, value, expected }, ...(options?.more ?? [])];
  }
}

/** The most problems one {@link ScenarioError} lists. */
export const MAX_SCENARIO_PROBLEMS = 20;

/** `field: value is not expected`, the way errors phrase one problem. */
export function describeProblem(problem: ScenarioProblem): string {
  return `${problem.field}: ${describeValue(problem.value)} is not ${problem.expected}`;
}

/**
 * Something went wrong while a simulation was running (a handler threw, an invariant broke).
 *
 * @example
 * ```ts
 * import { SimulationError, Simulator } from 'corridor-sim';
 *
 * const sim = new Simulator();
 * sim.schedule(1, () => {
 *   throw new Error('boom');
 * });
 * try {
 *   sim.run();
 * } catch (error) {
 *   error instanceof SimulationError; // true: names the event's time; the handler's error is its cause
 * }
 * ```
 */
export class SimulationError extends CorridorSimError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'SimulationError';
}

/**
 * A feature that needs graphology (`network.graph`, routing with `engine: 'graphology'`) was used from
 * `corridor-sim/core` before graphology was loaded. Call `useGraphology()` from `corridor-sim/graphology` once, or
 * import from the root entry `corridor-sim`, which does it.
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario, GraphologyNotLoadedError } from 'corridor-sim/core';
 *
 * try {
 *   buildNetwork(chongqingScenario()).graph;
 * } catch (error) {
 *   if (error instanceof GraphologyNotLoadedError) console.error(error.message);
 * }
 * ```
 */
export class GraphologyNotLoadedError extends CorridorSimError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'GraphologyNotLoadedError';
  /** The feature that asked for graphology, e.g. `network.graph`. */
  readonly feature: string;
  constructor(feature: string) {
    super(
      `${feature} needs graphology, which corridor-sim/core does not load (it would add ~18 KiB gzipped): ` +
        `call useGraphology() from 'corridor-sim/graphology' once before using it, or import from 'corridor-sim', ` +
        'which does that when it loads',
    );
    this.feature = feature;
  }
}

/** Throws an {@link InvalidParameterError} unless `value` is a finite number. Returns the value for chaining. */
export function requireFinite(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidParameterError(field, value, 'a finite number');
  }
  return value;
}

/** Throws unless `value` is a finite number ≥ 0. */
export function requireNonNegative(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new InvalidParameterError(field, value, 'a finite number >= 0');
  }
  return value;
}

/** Throws unless `value` is a finite number > 0. */
export function requirePositive(field: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new InvalidParameterError(field, value, 'a finite number > 0');
  }
  return value;
}

/** Throws unless `value` is an integer ≥ `min`. */
export function requireInteger(field: string, value: number, min = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InvalidParameterError(field, value, `an integer >= ${min}`);
  }
  return value;
}

/**
 * An optimisation file or problem is invalid; `field` is the path inside the file (`measures[2].levels[0]...`).
 * Thrown by `loadOptimization` before anything runs. A constraint no plan meets is not an error: `optimize` returns
 * `status: 'infeasible'`.
 *
 * @example
 * ```ts
 * import { loadOptimization, OptimizationError } from 'corridor-sim';
 *
 * try {
 *   loadOptimization('problem.json');
 * } catch (error) {
 *   if (error instanceof OptimizationError) {
 *     error.field; // e.g. 'measures[1].levels[0].changes[0].service'
 *     error.value; // e.g. 'no-such-train'
 *     error.expected; // e.g. 'an existing service id'
 *   }
 * }
 * ```
 */
export class OptimizationError extends ValidationError {
  /** The error's name (`error.name`), set explicitly so that it survives a bundler's minification of class names. */
  static override readonly name: string = 'OptimizationError';
}
