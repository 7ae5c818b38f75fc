/**
 * Streaming, mergeable statistics for simulation output: Welford tallies, time-weighted levels, relative-accuracy
 * quantile histograms, and Student-t confidence intervals. Every statistic serialises to plain JSON and merges
 * exactly (histograms) or up to rounding (tallies, time-weighted levels), so replications run in worker threads or
 * other processes combine into the same summary.
 *
 * @module
 */

export * from './bootstrap.js';
export * from './linear-fit.js';
export * from './morris.js';
export * from './prediction-interval.js';
export * from './quantile-histogram.js';
export * from './ranking-selection.js';
export * from './sampling.js';
export * from './sobol.js';
export * from './student-t.js';
export * from './tally.js';
export * from './time-weighted.js';
