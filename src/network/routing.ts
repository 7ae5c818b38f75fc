/**
 * The routing module's public entry under its original path (`network/routing.js`, imported by network/index.ts and
 * experiment/project.ts). Its parts live in the routing/ folder, one concept per file; see routing/index.ts.
 *
 * @module
 */
export * from './routing/index.js';
