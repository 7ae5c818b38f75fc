import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lineGeometry } from '../../src/network/geojson.js';
import {
  buildNetwork,
  type GeoJsonFeatureCollection,
  type GeoJsonGeometry,
  type GeoJsonPosition,
} from '../../src/network/index.js';
import { scenarioArb } from './arbitraries.js';
import { smallScenario } from './fixtures.js';

function positions(geometry: GeoJsonGeometry): GeoJsonPosition[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
      return geometry.coordinates.flat();
  }
}

/** The RFC 7946 rules a FeatureCollection of points and lines must follow, as far as this export uses them. */
function expectValidGeoJson(value: unknown): void {
  const collection = value as GeoJsonFeatureCollection;
  expect(collection.type).toBe('FeatureCollection');
  expect(Array.isArray(collection.features)).toBe(true);
  const ids = new Set<string>();
  for (const feature of collection.features) {
    expect(feature.type).toBe('Feature');
    expect(['string', 'number']).toContain(typeof feature.id);
    ids.add(feature.id);
    expect(typeof feature.properties).toBe('object');
    expect(feature.properties).not.toBeNull();
    const { geometry } = feature;
    expect(['Point', 'LineString', 'MultiLineString']).toContain(geometry.type);
    if (geometry.type === 'LineString') expect(geometry.coordinates.length).toBeGreaterThanOrEqual(2);
    if (geometry.type === 'MultiLineString') {
      expect(geometry.coordinates.length).toBeGreaterThanOrEqual(2);
      for (const line of geometry.coordinates) expect(line.length).toBeGreaterThanOrEqual(2);
    }
    for (const p of positions(geometry)) {
      expect(p).toHaveLength(2);
      const [lon, lat] = p;
      expect(Number.isFinite(lon) && lon >= -180 && lon <= 180).toBe(true);
      expect(Number.isFinite(lat) && lat >= -90 && lat <= 90).toBe(true);
    }
    // No segment may span more than 180° of longitude (split at the antimeridian instead).
    const lines =
      geometry.type === 'LineString'
        ? [geometry.coordinates]
        : geometry.type === 'MultiLineString'
          ? geometry.coordinates
          : [];
    for (const line of lines) {
      for (let i = 1; i < line.length; i++) {
        expect(Math.abs((line[i] as GeoJsonPosition)[0] - (line[i - 1] as GeoJsonPosition)[0])).toBeLessThanOrEqual(
          180,
        );
      }
    }
  }
  expect(ids.size).toBe(collection.features.length);
}

describe('toGeoJSON', () => {
  const network = buildNetwork(smallScenario());
  const geo = network.toGeoJSON();

  it('is a valid FeatureCollection of hubs, links and services', () => {
    expectValidGeoJson(geo);
    const count = (type: string) => geo.features.filter((f) => f.properties.featureType === type).length;
    expect(count('hub')).toBe(11);
    expect(count('link')).toBe(11);
    expect(count('service')).toBe(7);
  });

  it('puts hubs at [lon, lat] with their attributes', () => {
    const qinzhou = geo.features.find((f) => f.id === 'hub:qz');
    expect(qinzhou?.geometry).toEqual({ type: 'Point', coordinates: [108.6, 21.7] });
    expect(qinzhou?.properties).toMatchObject({
      featureType: 'hub',
      id: 'qz',
      name: 'Qinzhou',
      country: 'CN',
      kind: 'seaport',
      handlingHoursPerTeu: 0.4,
      handlingServers: 6,
      dwellHours: 12,
    });
  });

  it('draws links between their ends and services through their stops', () => {
    const link = geo.features.find((f) => f.id === 'link:px-dd-road');
    expect(link?.geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [106.75, 22.1],
        [106.7, 21.95],
      ],
    });
    expect(link?.properties).toMatchObject({ mode: 'road', distanceKm: 20, transitHours: 1, bidirectional: true });
    const truck = geo.features.find((f) => f.id === 'service:cq-hn-truck');
    expect(truck?.geometry.coordinates).toEqual([
      [106.5, 29.6],
      [106.75, 22.1],
      [106.7, 21.95],
      [105.85, 21.03],
    ]);
    expect(truck?.properties).toMatchObject({
      featureType: 'service',
      name: 'Chongqing–Hanoi trucks',
      corridor: 'ILSTC',
      corridorMode: 'cross-border-road',
      mode: 'road',
      stops: 'cq > px > dd > hn',
      stopCount: 4,
      timetable: 'continuous',
      departuresPerWeek: 840,
      capacityTeu: 2,
      transitHours: 25,
      costUsdPerTeu: 2000,
      distanceKm: 1180,
      bidirectional: true,
    });
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(geo))).toEqual(geo);
  });
});

describe('lineGeometry', () => {
  it('splits lines crossing the antimeridian', () => {
    expect(
      lineGeometry([
        [170, 10],
        [-170, 20],
      ]),
    ).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [170, 10],
          [180, 15],
        ],
        [
          [-180, 15],
          [-170, 20],
        ],
      ],
    });
    expect(
      lineGeometry([
        [-175, 0],
        [175, 10],
        [178, 10],
      ]),
    ).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [-175, 0],
          [-180, 5],
        ],
        [
          [180, 5],
          [175, 10],
          [178, 10],
        ],
      ],
    });
  });

  it('keeps two positions for a line between hubs at the same place', () => {
    expect(
      lineGeometry([
        [10, 10],
        [10, 10],
      ]),
    ).toEqual({
      type: 'LineString',
      coordinates: [
        [10, 10],
        [10, 10],
      ],
    });
  });
});

describe('toGeoJSON on random networks', () => {
  test.prop([scenarioArb()], { numRuns: 200 })(
    'is valid, round-trips through JSON, and puts hubs at [lon, lat]',
    (spec) => {
      const network = buildNetwork(spec);
      const geo = network.toGeoJSON();
      expectValidGeoJson(geo);
      expect(JSON.parse(JSON.stringify(geo))).toEqual(geo);
      for (const hub of spec.hubs) {
        const feature = geo.features.find((f) => f.id === `hub:${hub.id}`);
        // -0 is written as 0.
        expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [hub.lon + 0, hub.lat + 0] });
      }
      for (const service of spec.services) {
        const feature = geo.features.find((f) => f.id === `service:${service.id}`);
        const ends = positions(feature!.geometry);
        const first = network.hub(service.stops[0]!);
        const last = network.hub(service.stops[service.stops.length - 1]!);
        expect(ends[0]).toEqual([first.lon + 0, first.lat + 0]);
        expect(ends[ends.length - 1]).toEqual([last.lon + 0, last.lat + 0]);
      }
    },
  );

  test.prop([
    fc.array(fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })), {
      minLength: 2,
      maxLength: 6,
    }),
  ])('lineGeometry keeps every point within range and every segment within 180° of longitude', (points) => {
    const geometry = lineGeometry(points as GeoJsonPosition[]);
    expectValidGeoJson({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', id: 'x', geometry, properties: {} }],
    });
  });
});
