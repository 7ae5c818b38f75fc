/**
 * The domain-free discrete-event kernel: simulator and event queue, random streams, distributions, statistics and
 * the resources models are built from (server pools, departure queues, gates).
 *
 * @module
 */
export * from './distribution-spec.js';
export * from './distributions.js';
export * from './event-queue.js';
export * from './queueing/index.js';
export * from './random.js';
export * from './resources/index.js';
export * from './simulator.js';
export * from './statistics/index.js';
