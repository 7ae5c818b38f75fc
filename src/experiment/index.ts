/**
 * Experiments: replications in parallel, multi-year projection toward targets, paired comparison of route changes,
 * calibration against observed history.
 *
 * @module
 */
export * from './calibrate.js';
export * from './compare.js';
export * from './project.js';
export * from './replicate.js';
export * from './summary.js';
