/**
 * corridor-sim: discrete-event simulation of Chongqing's international freight corridors.
 *
 * @packageDocumentation
 */

export type * from './engine/distribution-spec.js';
export * from './errors.js';
export type * from './network/types.js';
