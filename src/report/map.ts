/**
 * The corridor map: a real base map (Natural Earth countries from the `world-atlas` package, projected with
 * d3-geo) with the network's services drawn as great-circle lines coloured by corridor, their width growing with
 * the TEU they carried, and the hubs sized by the TEU they handled. Made in Node as an SVG string: no browser and
 * no download (world-atlas ships its TopoJSON inside the npm package).
 *
 * One topic over 400 lines: the corridor map (projection, base map, overview and southern detail panel, legend).
 *
 * @module
 */
import { type GeoProjection, geoMercator, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson';
import { merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { ReplicationSummary } from '../experiment/summary.js';
import type { CorridorNetwork, NetworkHub } from '../network/build.js';
import type { GeoJsonFeatureCollection, ServiceFeatureProperties } from '../network/geojson.js';
import { landServiceLine } from './land-lines.js';
import { bottleneckHubIds, placeLabels } from './map-labels.js';
import { DIFFERENCE_COLOURS, mapLegend } from './map-legend.js';
import { thinStream } from './map-simplify.js';
import { corridorColour, formatNumber, sortCorridorKeys } from './scale.js';
import { seaServiceLine } from './sea-lanes.js';
import { el, svgDocument, TITLE_BLOCK, text, tooltip } from './svg.js';

/**
 * A hub's tooltip: name, TEU handled, and every wait measured there (a lock or a gauge-change border handles no
 * TEU, so its waits are what a planner looks for).
 */
function hubTooltip(h: { id: string; name: string; country: string; kind: string }, volumes?: MapVolumes): string {
  const head = `${h.name} (${h.country}, ${h.kind})`;
  if (!volumes) return head;
  const waits = volumes.hubWaitHours?.[h.id] ?? {};
  const waitText = HUB_WAIT_KINDS.filter((w) => waits[w.kind] !== undefined).map(
    (w) => `${formatNumber(waits[w.kind] as number, 1)} h ${w.label} (${w.per})`,
  );
  const handled = volumes.hubTeu[h.id] ?? 0;
  const parts = [
    ...(handled > 0 || waitText.length === 0 ? [`${formatNumber(handled)} TEU handled`] : []),
    ...(waitText.length > 0 ? [`mean wait ${waitText.join(', ')}`] : []),
  ];
  return `${head}: ${parts.join('; ')}`;
}

/** Volumes to draw on the map. */
export interface MapVolumes {
  /** TEU per operated service id (`id` and `id~return`); both directions are added on the map. */
  serviceTeu: Record<string, number>;
  /** TEU handled per hub id. */
  hubTeu: Record<string, number>;
  /**
   * Mean waits per hub id and kind, in hours (`departure`, `handling` per part; `gaugeChange` per train; `lock` per
   * vessel), shown in the hub's tooltip: a lock or a border handles no TEU but is where cargo waits.
   */
  hubWaitHours?: Record<string, Partial<Record<HubWaitKind, number>>>;
  /** What the volumes are, e.g. `2025, mean of 40 replications`. */
  label: string;
}

/** The kinds of wait a hub can have (the `wait/<hub>/<kind>` KPIs). */
export type HubWaitKind = 'departure' | 'handling' | 'gaugeChange' | 'lock';

/** How each kind of wait reads in a tooltip or a table, with what it is counted per. */
export const HUB_WAIT_KINDS: readonly { kind: HubWaitKind; label: string; per: string }[] = [
  { kind: 'departure', label: 'for a departure with room', per: 'per part' },
  { kind: 'handling', label: 'for a crane', per: 'per part' },
  { kind: 'gaugeChange', label: 'for a gauge-change track', per: 'per train' },
  { kind: 'lock', label: 'at the lock', per: 'per vessel' },
];

/**
 * The map's volumes from a replication summary (`teuLoaded/<service>` and `teuHandled/<hub>` KPI means, and the
 * `wait/<hub>/<kind>` means for the tooltips).
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 * import { corridorMapSvg, mapVolumesFromSummary } from 'corridor-sim/report';
 *
 * const set = await replicate(chongqingScenario(), { replications: 10, seed: 1, startDate: '2025-01-01' });
 * const volumes = mapVolumesFromSummary(summariseRuns(set.runs), 'mean TEU 2025');
 * corridorMapSvg(buildNetwork(chongqingScenario()), volumes);
 * ```
 */
export function mapVolumesFromSummary(summary: ReplicationSummary, label: string): MapVolumes {
  const serviceTeu: Record<string, number> = {};
  const hubTeu: Record<string, number> = {};
  const hubWaitHours: Record<string, Partial<Record<HubWaitKind, number>>> = {};
  const waitKinds = new Set<string>(HUB_WAIT_KINDS.map((w) => w.kind));
  for (const [name, kpi] of Object.entries(summary.kpis)) {
    if (name.startsWith('teuLoaded/')) serviceTeu[name.slice('teuLoaded/'.length)] = kpi.mean;
    else if (name.startsWith('teuHandled/')) hubTeu[name.slice('teuHandled/'.length)] = kpi.mean;
    else if (name.startsWith('wait/')) {
      const [, hub, kind] = name.split('/');
      if (hub !== undefined && kind !== undefined && waitKinds.has(kind)) {
        const waits = hubWaitHours[hub] ?? {};
        waits[kind as HubWaitKind] = kpi.mean;
        hubWaitHours[hub] = waits;
      }
    }
  }
  return { serviceTeu, hubTeu, hubWaitHours, label };
}

/** Options of {@link corridorMapSvg}. */
export interface CorridorMapOptions {
  width?: number;
  height?: number;
  id?: string;
  title?: string;
  /** Hubs labelled at most per panel (the busiest first; labels that would overlap are left out). */
  maxLabels?: number;
  /** Draw the detail panel of the southern corridor when the network has ILSTC services (default true). */
  detail?: boolean;
  /**
   * The volumes' `serviceTeu` are differences (a variant − the base, signed): lines are coloured by the sign
   * (more TEU: blue, fewer: red), their width grows with the size of the difference (see `differenceMapSvg`).
   */
  difference?: { base: string; variant: string };
}

/**
 * A world-atlas countries topology: parsed TopoJSON with a `countries` object (e.g. world-atlas'
 * `countries-110m.json`). Declared by its outline so the package's declarations need no TopoJSON types.
 */
export interface MapAtlas {
  readonly type: 'Topology';
  readonly objects: { readonly countries: object };
  readonly arcs: readonly unknown[];
}
type Atlas = Topology<{ countries: GeometryCollection }>;
let atlas: Atlas | undefined;
let countries: Geometry | undefined;
let borders: MultiLineString | undefined;

/**
 * Natural Earth 1:110m countries, loaded once from the world-atlas package in Node (through
 * `process.getBuiltinModule`, so this module imports no Node built-in and bundles for a browser).
 */
function loadAtlas(): Atlas {
  if (!atlas) {
    const { createRequire } = process.getBuiltinModule('node:module');
    atlas = createRequire(import.meta.url)('world-atlas/countries-110m.json') as Atlas;
  }
  return atlas;
}

/**
 * Sets the base map every later map draws (a browser, which cannot read the world-atlas package's files, passes
 * one it bundled, e.g. world-atlas' `countries-110m.json`). Default: world-atlas' 1:110m countries, read in Node.
 */
export function useMapAtlas(topology: MapAtlas): void {
  atlas = topology as unknown as Atlas;
  countries = undefined;
  borders = undefined;
}

/** The land: every country merged into one outline (coastlines only, so no border is drawn twice). */
function countriesOf(world: Atlas): Geometry {
  countries ??= merge(world, world.objects.countries.geometries as never) as Geometry;
  return countries;
}

/** Borders between countries (each shared arc once). */
function bordersOf(world: Atlas): MultiLineString {
  borders ??= mesh(world, world.objects.countries, (a, b) => a !== b) as MultiLineString;
  return borders;
}

/** A service feature of the network's GeoJSON. */
type ServiceFeature = Feature<Geometry, ServiceFeatureProperties>;

/** Everything a map panel draws, shared by the overview and the detail panel. */
interface MapLayers {
  network: CorridorNetwork;
  services: ServiceFeature[];
  volumes: MapVolumes | undefined;
  teuOf: (serviceId: string) => number;
  widthOf: (teu: number) => number;
  radiusOf: (hubId: string) => number;
  /** Hubs busiest first (label priority). */
  hubsByPriority: NetworkHub[];
  difference: CorridorMapOptions['difference'];
  /** Hubs a bottleneck table names: always labelled. */
  mustLabel: ReadonlySet<string>;
}

interface PanelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

function corridorKey(p: ServiceFeatureProperties): string {
  return p.corridorMode ? `${p.corridor}/${p.corridorMode}` : p.corridor;
}

/**
 * One map panel: sea, land and borders clipped to the box, services (thickest first so thin lines stay visible),
 * hubs and labels (busiest first, left out where they would overlap another).
 */
function mapPanel(
  layers: MapLayers,
  box: PanelBox,
  fitTo: FeatureCollection,
  options: {
    id: string;
    title?: string;
    maxLabels: number;
    skipLabels?: ReadonlySet<string>;
    extra?: (p: GeoProjection) => string;
  },
): string {
  const pad = 18;
  const projection = geoMercator().fitExtent(
    [
      [box.x + pad, box.y + pad],
      [box.x + box.width - pad, box.y + box.height - pad],
    ],
    fitTo,
  );
  const path = geoPath(projection).digits(1);
  // The base map thinned to points at least 1.5 px apart (services and hubs are drawn exactly).
  const basePath = geoPath({ stream: (s) => projection.stream(thinStream(s, 1.5)) }).digits(1);
  const world = loadAtlas();
  const clip = `clip-${options.id}`;
  const parts: string[] = [
    el('defs', {}, el('clipPath', { id: clip }, el('rect', { ...box }))),
    el('rect', { ...box, fill: '#dbeafe', class: 'sea' }),
  ];
  const inner: string[] = [];
  // Clipping the projection to the box keeps the land paths to what is visible.
  projection.clipExtent([
    [box.x, box.y],
    [box.x + box.width, box.y + box.height],
  ]);
  inner.push(
    el('path', { d: basePath(countriesOf(world)) ?? '', fill: '#f5f5f0', stroke: 'none', class: 'land' }),
    el('path', {
      d: basePath(bordersOf(world)) ?? '',
      fill: 'none',
      stroke: '#c4c4b8',
      'stroke-width': 0.6,
      class: 'borders',
    }),
  );
  const { volumes, teuOf, widthOf } = layers;
  const ordered = [...layers.services].sort(
    (a, b) => Math.abs(teuOf(b.properties.id)) - Math.abs(teuOf(a.properties.id)),
  );
  for (const s of ordered) {
    const p = s.properties;
    const key = corridorKey(p);
    const teu = teuOf(p.id);
    const diff = layers.difference;
    const idle = volumes !== undefined && Math.abs(teu) < 0.5;
    const d = path(s);
    if (!d) continue;
    const colour = diff
      ? idle
        ? DIFFERENCE_COLOURS.none
        : teu > 0
          ? DIFFERENCE_COLOURS.more
          : DIFFERENCE_COLOURS.fewer
      : corridorColour(key);
    const carried = diff
      ? `; ${teu > 0 ? '+' : ''}${formatNumber(Math.abs(teu) < 0.5 ? 0 : teu)} TEU loaded, ${diff.variant} − ${diff.base} (${volumes?.label})`
      : volumes
        ? `; ${formatNumber(teu)} TEU loaded (${volumes.label})`
        : '';
    inner.push(
      el(
        'path',
        {
          d,
          fill: 'none',
          stroke: colour,
          'stroke-width': widthOf(Math.abs(teu)),
          'stroke-opacity': idle ? 0.5 : 0.8,
          'stroke-dasharray': idle ? '3 3' : undefined,
          'stroke-linecap': 'round',
          'stroke-linejoin': 'round',
          class: 'service',
          'data-service': p.id,
          'data-corridor': key,
        },
        tooltip(
          `${p.name} (${key}, ${p.mode}): ${p.stops}; ${formatNumber(p.departuresPerWeek, 1)} departures/week × ` +
            `${formatNumber(p.capacityTeu)} TEU${carried}`,
        ),
      ),
    );
  }
  if (options.extra) inner.push(options.extra(projection));

  const inside = (x: number, y: number) =>
    x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height;
  // Hubs first (circles are obstacles for every label), then labels busiest first, each where it fits: right, left,
  // above or below its hub, clear of other labels and of other hubs' circles.
  const shown: { hub: NetworkHub; x: number; y: number; r: number }[] = [];
  for (const h of layers.hubsByPriority) {
    const xy = projection([h.lon, h.lat]);
    if (!xy || !inside(xy[0], xy[1])) continue;
    const [x, y] = xy;
    const r = layers.radiusOf(h.id);
    shown.push({ hub: h, x, y, r });
    inner.push(
      el(
        'circle',
        { cx: x, cy: y, r, fill: '#ffffff', stroke: '#1f2937', 'stroke-width': 1.2, class: 'hub', 'data-hub': h.id },
        tooltip(hubTooltip(h, volumes)),
      ),
    );
  }
  // Labels: one per cluster of touching circles naming all its hubs, bottleneck hubs always, clear of labels,
  // circles and (where there is room) service lines.
  const lines: [number, number][][] = [];
  const collect = {
    moveTo: (x: number, y: number) => lines.push([[x, y]]),
    lineTo: (x: number, y: number) => lines.at(-1)?.push([x, y]),
    closePath: () => undefined,
    arc: () => undefined,
  };
  const trace = geoPath(projection, collect as never);
  for (const s of layers.services) trace(s);
  const labels = placeLabels(shown, lines, box, {
    maxLabels: options.maxLabels,
    must: layers.mustLabel,
    ...(options.skipLabels ? { skip: options.skipLabels } : {}),
    name: (h) => shortName(h.name),
  }).flatMap((l) => [
    ...(l.leader
      ? [
          el('line', {
            class: 'hub-leader',
            'data-hubs': l.hubs.join(' '),
            x1: l.leader[0],
            y1: l.leader[1],
            x2: l.leader[2],
            y2: l.leader[3],
            stroke: '#4b5563',
            'stroke-width': 0.8,
          }),
        ]
      : []),
    text(l.x, l.y, l.text, {
      class: 'small hub-label',
      'data-hubs': l.hubs.join(' '),
      ...(l.anchor === 'start' ? {} : { 'text-anchor': l.anchor }),
      stroke: '#ffffff',
      'stroke-width': 3,
      'paint-order': 'stroke',
      'stroke-linejoin': 'round',
    }),
  ]);
  inner.push(el('g', { class: 'hub-labels' }, ...labels));
  parts.push(el('g', { 'clip-path': `url(#${clip})` }, ...inner));
  if (options.title) parts.push(text(box.x, box.y - 7, options.title, { class: 'label', 'font-weight': '600' }));
  parts.push(el('rect', { ...box, fill: 'none', stroke: '#9ca3af', 'stroke-width': 1 }));
  return el('g', { class: 'map-panel', id: options.id }, ...parts);
}

/**
 * The corridor map as an SVG document: an overview of the whole network and, where the network has ILSTC
 * services, a detail panel of the southern corridor (Chongqing to the Beibu Gulf and Southeast Asia), whose hubs
 * crowd together at the overview's scale. Without volumes, services are drawn at one width.
 *
 * @example
 * ```ts
 * import { buildNetwork, chongqingScenario, replicate, summariseRuns } from 'corridor-sim';
 * import { corridorMapSvg, mapVolumesFromSummary } from 'corridor-sim/report';
 *
 * const network = buildNetwork(chongqingScenario());
 * corridorMapSvg(network); // services at one width
 * const set = await replicate(chongqingScenario(), { replications: 10, seed: 1, startDate: '2025-01-01' });
 * corridorMapSvg(network, mapVolumesFromSummary(summariseRuns(set.runs), 'mean TEU 2025')); // widths by volume
 * ```
 */
export function corridorMapSvg(
  network: CorridorNetwork,
  volumes?: MapVolumes,
  options: CorridorMapOptions = {},
): string {
  const geo = network.toGeoJSON() as GeoJsonFeatureCollection;
  const positions = new Map(network.hubs().map((h) => [h.id, [h.lon, h.lat] as const]));
  const services = (
    geo.features.filter((f) => f.properties.featureType === 'service') as unknown as ServiceFeature[]
  ).map((s) =>
    // Sea legs along the sea lanes (src/data/sea-lanes.ts), not great circles across the land; rail, road and river
    // legs along their lines (src/data/land-lines.ts), not straight across the plateau. Both are estimates.
    ({
      ...s,
      geometry: {
        type: 'LineString',
        coordinates: (s.properties.mode === 'sea' ? seaServiceLine : landServiceLine)(
          s.properties.stops.split(' > '),
          (id) => positions.get(id),
        ),
      } as Geometry,
    }),
  );
  const teuOf = (id: string) => (volumes?.serviceTeu[id] ?? 0) + (volumes?.serviceTeu[`${id}~return`] ?? 0);
  const maxTeu = Math.max(1, ...services.map((s) => Math.abs(teuOf(s.properties.id))));
  const hubs = network.hubs();
  const maxHubTeu = Math.max(1, ...hubs.map((h) => volumes?.hubTeu[h.id] ?? 0));
  const hubRadius = (teu: number) => (volumes ? 2.5 + 6 * Math.sqrt(teu / maxHubTeu) : 3.5);
  const layers: MapLayers = {
    network,
    services,
    volumes,
    teuOf,
    widthOf: (teu) => (volumes ? 1 + 11 * Math.sqrt(teu / maxTeu) : 2.5),
    radiusOf: (id) => hubRadius(volumes?.hubTeu[id] ?? 0),
    hubsByPriority: labelPriority(network, hubs, volumes),
    difference: options.difference,
    mustLabel: bottleneckHubIds(hubs, volumes?.hubWaitHours),
  };

  const south = services.filter((s) => s.properties.corridor === 'ILSTC');
  const southHubs = new Set(south.flatMap((s) => s.properties.stops.split(' > ')));
  const withDetail = options.detail !== false && south.length > 0;
  const width = options.width ?? (withDetail ? 1000 : 840);
  const top = TITLE_BLOCK + 4;
  const mainBox: PanelBox = { x: 10, y: top, width: withDetail ? 640 : width - 20, height: 420 };
  const detailBox: PanelBox = { x: 660, y: top + 20, width: width - 670, height: 540 };
  const height = options.height ?? top + (withDetail ? 560 : 600) + 28;
  const all = { type: 'FeatureCollection', features: geo.features } as unknown as FeatureCollection;
  const southCollection = {
    type: 'FeatureCollection',
    features: [
      ...south,
      ...geo.features.filter((f) => f.properties.featureType === 'hub' && southHubs.has(f.properties.id)),
    ],
  } as unknown as FeatureCollection;

  const parts: string[] = [];
  parts.push(
    mapPanel(layers, mainBox, all, {
      id: 'map-overview',
      maxLabels: options.maxLabels ?? 14,
      // The detail panel names the southern hubs; the overview keeps Chongqing and the far ends.
      ...(withDetail ? { skipLabels: new Set([...southHubs].filter((id) => !id.startsWith('chongqing'))) } : {}),
      ...(withDetail
        ? {
            extra: (projection: GeoProjection) => {
              const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(southCollection);
              return el('rect', {
                x: x0 - 6,
                y: y0 - 6,
                width: x1 - x0 + 12,
                height: y1 - y0 + 12,
                fill: 'none',
                stroke: '#374151',
                'stroke-width': 1,
                'stroke-dasharray': '4 3',
                class: 'detail-frame',
              });
            },
          }
        : {}),
    }),
  );
  if (withDetail) {
    parts.push(
      mapPanel(layers, detailBox, southCollection, {
        id: 'map-detail-ilstc',
        title: 'Detail: the southern corridor (ILSTC)',
        maxLabels: options.maxLabels ?? 18,
      }),
    );
  }
  parts.push(
    mapLegend(
      withDetail ? { x: 20, y: top + 440 } : { x: 20, y: top + 620 },
      sortCorridorKeys(new Set(services.map((s) => corridorKey(s.properties)))),
      volumes !== undefined,
      maxTeu,
      layers.widthOf,
      { max: maxHubTeu, radiusOf: hubRadius },
      options.difference !== undefined,
    ),
  );
  const totalTeu = volumes ? Object.values(volumes.serviceTeu).reduce((a, b) => a + b, 0) : 0;
  return svgDocument(
    {
      id: options.id ?? 'corridor-map',
      width,
      height,
      title: options.title ?? `${network.spec.name}: corridors and services`,
      subtitle: options.difference
        ? `Line width: the change in TEU loaded per service, both directions, ${options.difference.variant} − ${options.difference.base} (${volumes?.label})`
        : volumes
          ? `Line width: TEU loaded per service, both directions (${volumes.label})`
          : 'Services by corridor',
      note:
        'Base map: Natural Earth 1:110m (world-atlas). Sea legs follow estimated sea lanes, rail, road and river ' +
        'legs the towns on their lines (estimates, for reading; distances come from the scenario).',
      description:
        `Map of ${services.length} services and ${hubs.length} hubs.` +
        (volumes ? ` ${formatNumber(totalTeu)} TEU loaded on services in all (${volumes.label}).` : ''),
    },
    parts.join(''),
  );
}

/**
 * Hubs in the order their labels are placed: the six busiest (TEU handled, else connections), then the borders and
 * locks (where the corridors' bottlenecks are), then the rest by TEU.
 */
function labelPriority(network: CorridorNetwork, hubs: NetworkHub[], volumes: MapVolumes | undefined): NetworkHub[] {
  const busiest = [...hubs].sort(
    (a, b) =>
      (volumes?.hubTeu[b.id] ?? 0) - (volumes?.hubTeu[a.id] ?? 0) ||
      network.neighbours(b.id).length - network.neighbours(a.id).length ||
      a.id.localeCompare(b.id),
  );
  const top = busiest.slice(0, 6);
  const chokepoints = busiest.slice(6).filter((h) => h.kind === 'border' || h.kind === 'lock');
  const rest = busiest.slice(6).filter((h) => h.kind !== 'border' && h.kind !== 'lock');
  return [...top, ...chokepoints, ...rest];
}

/** A hub's label: its name without the parenthesised detail or a trailing "port" ("Qinzhou port (Beibu Gulf)" → "Qinzhou"). */
function shortName(name: string): string {
  const cut = (name.split(/ [(/–] ?| - /)[0] ?? name).replace(/ (?:deep-water |river |sea )?port$/i, '');
  return cut.length > 26 ? `${cut.slice(0, 25)}…` : cut;
}
