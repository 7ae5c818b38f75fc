/**
 * GeoJSON (RFC 7946) export of a corridor network, for QGIS, geojson.io or any web map.
 *
 * Coordinates are `[longitude, latitude]` in WGS 84 degrees. Lines that cross the antimeridian are split there into
 * a MultiLineString (RFC 7946 §3.1.9), so no segment spans more than 180° of longitude.
 *
 * @module
 */
import type { DistributionSpec } from '../engine/distribution-spec.js';
import { meanOf } from '../engine/distributions.js';

/** A position: `[longitude, latitude]`. */
export type GeoJsonPosition = [lon: number, lat: number];

export interface GeoJsonPoint {
  type: 'Point';
  coordinates: GeoJsonPosition;
}

export interface GeoJsonLineString {
  type: 'LineString';
  coordinates: GeoJsonPosition[];
}

export interface GeoJsonMultiLineString {
  type: 'MultiLineString';
  coordinates: GeoJsonPosition[][];
}

export type GeoJsonGeometry = GeoJsonPoint | GeoJsonLineString | GeoJsonMultiLineString;

/** Properties of a hub Point. */
export interface HubFeatureProperties {
  featureType: 'hub';
  id: string;
  name: string;
  country: string;
  kind: string;
  handlingHoursPerTeu: number;
  handlingServers?: number;
  dwellHours: number;
  gaugeChangeHours: number;
  lockHours: number;
  source?: string;
}

/** Properties of a link LineString. */
export interface LinkFeatureProperties {
  featureType: 'link';
  id: string;
  from: string;
  to: string;
  mode: string;
  corridor: string;
  distanceKm: number;
  transitHours: number;
  bidirectional: boolean;
  source?: string;
}

/** Properties of a service LineString (the outbound run; `bidirectional` tells whether it also runs back). */
export interface ServiceFeatureProperties {
  featureType: 'service';
  id: string;
  name: string;
  corridor: string;
  corridorMode?: string;
  mode: string;
  /** Stop ids joined by ` > `. */
  stops: string;
  stopCount: number;
  timetable: string;
  departuresPerWeek: number;
  capacityTeu: number;
  expectedWaitHours: number;
  transitHours: number;
  costUsdPerTeu: number;
  distanceKm: number;
  bidirectional: boolean;
  source?: string;
}

export type NetworkFeatureProperties = HubFeatureProperties | LinkFeatureProperties | ServiceFeatureProperties;

export interface GeoJsonFeature<G extends GeoJsonGeometry = GeoJsonGeometry, P = NetworkFeatureProperties> {
  type: 'Feature';
  id: string;
  geometry: G;
  properties: P;
}

export interface GeoJsonFeatureCollection {
  type: 'FeatureCollection';
  features: GeoJsonFeature[];
}

function samePosition(a: GeoJsonPosition | undefined, b: GeoJsonPosition): boolean {
  return a !== undefined && a[0] === b[0] && a[1] === b[1];
}

/**
 * A line through `points` (`[lon, lat]`), split at the antimeridian where a segment would span more than 180° of
 * longitude: a LineString, or a MultiLineString when split.
 */
export function lineGeometry(points: readonly GeoJsonPosition[]): GeoJsonLineString | GeoJsonMultiLineString {
  const parts: GeoJsonPosition[][] = [];
  let current: GeoJsonPosition[] = [];
  points.forEach((point, i) => {
    const previous = points[i - 1];
    if (previous !== undefined && Math.abs(point[0] - previous[0]) > 180) {
      const eastward = point[0] < previous[0]; // e.g. 170 → -170 goes east over 180
      const edge = eastward ? 180 : -180;
      const unwrapped = eastward ? point[0] + 360 : point[0] - 360;
      const t = (edge - previous[0]) / (unwrapped - previous[0]);
      const lat = previous[1] + t * (point[1] - previous[1]) + 0;
      const end: GeoJsonPosition = [edge, lat];
      if (!samePosition(current[current.length - 1], end)) current.push(end);
      parts.push(current);
      current = [[-edge, lat]];
    }
    if (!samePosition(current[current.length - 1], point)) current.push([point[0], point[1]]);
  });
  parts.push(current);
  const lines = parts.map((part) => {
    const first = part[0];
    return part.length === 1 && first !== undefined ? [first, [first[0], first[1]] as GeoJsonPosition] : part;
  });
  const nonEmpty = lines.filter((line) => line.length >= 2);
  if (nonEmpty.length === 1) return { type: 'LineString', coordinates: nonEmpty[0] as GeoJsonPosition[] };
  return { type: 'MultiLineString', coordinates: nonEmpty };
}

function withSource<T extends object>(properties: T, source: string | undefined): T & { source?: string } {
  return source === undefined ? properties : { ...properties, source };
}

/**
 * What the export reads of a network: the parts of a `CorridorNetwork` (build.ts) it uses, declared here so that
 * build.ts, which calls the export, is not imported back (no import circle).
 */
export interface GeoJsonNetworkView {
  hub(id: string): { readonly lat: number; readonly lon: number };
  hubs(): readonly {
    readonly id: string;
    readonly name: string;
    readonly country: string;
    readonly lat: number;
    readonly lon: number;
    readonly kind: string;
    readonly handlingHours: number;
    readonly dwellHours: number;
    readonly gaugeChangeHours: number;
    readonly lockHours: number;
    readonly spec: { readonly handling?: { readonly servers: number }; readonly source?: string };
  }[];
  links(): readonly {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly mode: string;
    readonly corridor: string;
    readonly distanceKm: number;
    readonly transitHours: DistributionSpec;
    readonly bidirectional?: boolean;
    readonly source?: string;
  }[];
  services(): readonly {
    readonly id: string;
    readonly name: string;
    readonly direction: string;
    readonly corridor: string;
    readonly corridorMode?: string;
    readonly mode: string;
    readonly stops: readonly string[];
    readonly timetable: { readonly kind: string };
    readonly departuresPerWeek: number;
    readonly capacityTeu: number;
    readonly expectedWaitHours: number;
    readonly legs: readonly {
      readonly expectedTransitHours: number;
      readonly costUsdPerTeu: number;
      readonly distanceKm: number;
    }[];
    readonly spec: { readonly bidirectional?: boolean; readonly source?: string };
  }[];
}

/** The network as a GeoJSON FeatureCollection (what `CorridorNetwork.toGeoJSON` returns). */
export function networkToGeoJSON(network: GeoJsonNetworkView): GeoJsonFeatureCollection {
  const features: GeoJsonFeature[] = [];
  // `+ 0` turns -0 into 0, so the output survives a JSON round trip unchanged.
  const position = (hubId: string): GeoJsonPosition => {
    const hub = network.hub(hubId);
    return [hub.lon + 0, hub.lat + 0];
  };
  for (const hub of network.hubs()) {
    const handling = hub.spec.handling;
    features.push({
      type: 'Feature',
      id: `hub:${hub.id}`,
      geometry: { type: 'Point', coordinates: position(hub.id) },
      properties: withSource(
        {
          featureType: 'hub' as const,
          id: hub.id,
          name: hub.name,
          country: hub.country,
          kind: hub.kind,
          handlingHoursPerTeu: hub.handlingHours,
          ...(handling === undefined ? {} : { handlingServers: handling.servers }),
          dwellHours: hub.dwellHours,
          gaugeChangeHours: hub.gaugeChangeHours,
          lockHours: hub.lockHours,
        },
        hub.spec.source,
      ),
    });
  }
  for (const link of network.links()) {
    features.push({
      type: 'Feature',
      id: `link:${link.id}`,
      geometry: lineGeometry([position(link.from), position(link.to)]),
      properties: withSource(
        {
          featureType: 'link' as const,
          id: link.id,
          from: link.from,
          to: link.to,
          mode: link.mode,
          corridor: link.corridor,
          distanceKm: link.distanceKm,
          transitHours: meanOf(link.transitHours),
          bidirectional: link.bidirectional !== false,
        },
        link.source,
      ),
    });
  }
  for (const service of network.services()) {
    if (service.direction !== 'outbound') continue;
    const legs = service.legs;
    features.push({
      type: 'Feature',
      id: `service:${service.id}`,
      geometry: lineGeometry(service.stops.map(position)),
      properties: withSource(
        {
          featureType: 'service' as const,
          id: service.id,
          name: service.name,
          corridor: service.corridor,
          ...(service.corridorMode === undefined ? {} : { corridorMode: service.corridorMode }),
          mode: service.mode,
          stops: service.stops.join(' > '),
          stopCount: service.stops.length,
          timetable: service.timetable.kind,
          departuresPerWeek: service.departuresPerWeek,
          capacityTeu: service.capacityTeu,
          expectedWaitHours: service.expectedWaitHours,
          transitHours: legs.reduce((sum, leg) => sum + leg.expectedTransitHours, 0),
          costUsdPerTeu: legs.reduce((sum, leg) => sum + leg.costUsdPerTeu, 0),
          distanceKm: legs.reduce((sum, leg) => sum + leg.distanceKm, 0),
          bidirectional: service.spec.bidirectional !== false,
        },
        service.spec.source,
      ),
    });
  }
  return { type: 'FeatureCollection', features };
}
