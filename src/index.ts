/**
 * corridor-sim: discrete-event simulation of Chongqing's international freight corridors.
 *
 * - engine: `Simulator`, `RandomStreams`, distributions, statistics, resources (domain-free);
 * - network: `buildNetwork`, routing (`shortestRoute`, `kShortestRoutes`, `routeTable`), GeoJSON, scenario types;
 * - data: `chongqingScenario()` (the bundled, sourced network), the observed ILSTC history;
 * - model: `simulate(scenario, { seed, startDate, years })` and its `RunResult`;
 * - experiments: `replicate`, `project`, `compare`, `calibrate`, `backtest`.
 *
 * @packageDocumentation
 */

export * from './data/index.js';
export * from './engine/index.js';
export * from './errors.js';
export * from './experiment/index.js';
export * from './model/index.js';
export * from './network/index.js';
