/**
 * The corridor model: `simulate(scenario, { seed, startDate, years })` and its typed result.
 *
 * @module
 */
export { Calendar, type CalendarMonth } from './calendar.js';
export type * from './carry-state.js';
export { CorridorModel, type SimulateOptions, simulate } from './corridor-model.js';
export type { Direction } from './demand.js';
export { DurationCollector, mergeDurationStats, summarise } from './durations.js';
export type * from './emissions-types.js';
export type * from './result.js';
export { type ChoiceSet, type ClosureState, RouteChooser } from './route-choice.js';
export type * from './trace.js';
export { DEFAULT_MAX_EVENTS, type WorkEstimate, WorkLimitError } from './work-guard.js';
