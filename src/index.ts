/**
 * corridor-sim: discrete-event simulation of Chongqing's international freight corridors.
 *
 * @packageDocumentation
 */

export * from './engine/index.js';
export * from './errors.js';
export type * from './network/types.js';
