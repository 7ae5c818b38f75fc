/**
 * A map of the differences a variant makes: the corridor map with each service's line coloured by whether the
 * variant loads more TEU on it (blue) or fewer (red) than the base, its width growing with the size of the
 * difference; hubs sized by the base's TEU handled.
 *
 * @module
 */
import type { ReplicationSummary } from '../experiment/summary.js';
import type { CorridorNetwork } from '../network/build.js';
import { corridorMapSvg, type MapVolumes, mapVolumesFromSummary } from './map.js';

/** Options of {@link differenceMapSvg}. */
export interface DifferenceMapOptions {
  id?: string;
  title?: string;
  /** Names of the base and the variant, for tooltips. */
  names?: { base: string; variant: string };
}

/** The signed difference variant − base of TEU loaded per service, on the base's network. */
export function differenceMapSvg(
  network: CorridorNetwork,
  base: ReplicationSummary,
  variant: ReplicationSummary,
  options: DifferenceMapOptions = {},
): string {
  const b = mapVolumesFromSummary(base, 'base');
  const v = mapVolumesFromSummary(variant, 'variant');
  const serviceTeu: Record<string, number> = {};
  for (const id of new Set([...Object.keys(b.serviceTeu), ...Object.keys(v.serviceTeu)])) {
    serviceTeu[id] = (v.serviceTeu[id] ?? 0) - (b.serviceTeu[id] ?? 0);
  }
  const names = options.names ?? { base: 'base', variant: 'variant' };
  const volumes: MapVolumes = {
    serviceTeu,
    hubTeu: b.hubTeu,
    ...(b.hubWaitHours ? { hubWaitHours: b.hubWaitHours } : {}),
    label: `means of ${base.replications} paired replications`,
  };
  return corridorMapSvg(network, volumes, {
    id: options.id ?? 'difference-map',
    ...(options.title ? { title: options.title } : {}),
    difference: names,
  });
}
