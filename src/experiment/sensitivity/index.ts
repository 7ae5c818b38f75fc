/**
 * Sensitivity analysis of a scenario's assumptions: an input file declaring uncertain inputs (each a distribution
 * and the scenario changes its value makes), Morris screening and Sobol indices of outputs such as P(target),
 * corridor TEU and door-to-door days, with bootstrap intervals and the replication noise reported beside them.
 *
 * @module
 */
export * from './analyse.js';
export * from './design.js';
export type { PointResult, PointTask } from './evaluate.js';
export * from './input.js';
export * from './run.js';
