/**
 * Constants of the scenario format: the hub kinds and transport modes a scenario may use, the id suffix of return
 * services and the tolerance on seasonality factors.
 *
 * @module
 */

/** Hub kinds a scenario may use. */
export const HUB_KINDS = [
  'rail-terminal',
  'seaport',
  'river-port',
  'border',
  'lock',
  'inland-port',
  'road-terminal',
] as const;

/** Transport modes a scenario may use. */
export const MODES = ['rail', 'sea', 'river', 'road'] as const;

/** Suffix of the id of a bidirectional service's return service. */
export const RETURN_SUFFIX = '~return';

/** Tolerance on the mean of the twelve seasonality factors. */
export const SEASONALITY_TOLERANCE = 1e-6;
