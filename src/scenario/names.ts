/**
 * Named string types of the scenario format that zod cannot express: open sets of names with suggestions.
 *
 * @module
 */

/** The four corridors through Chongqing, plus any name a user scenario adds. */
export type CorridorId = 'ILSTC' | 'CR-Express' | 'Northern' | 'Yangtze' | (string & {});

/**
 * Sub-mode used to break a corridor's volume down. For the ILSTC: `rail-sea`, `cross-border-road`,
 * `international-rail`. Other corridors may leave it out.
 */
export type CorridorMode = 'rail-sea' | 'cross-border-road' | 'international-rail' | (string & {});
