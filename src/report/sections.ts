/**
 * The HTML sections and tables of a report made from summaries: monthly volumes, transit times, the map and the
 * bottlenecks of one replication summary (every kind of report has them), the corridor, service, hub, market and
 * transit-trend tables, target headlines, and KPI names in words.
 *
 * One topic over 400 lines: the tables every report kind shares (they read the same summary KPIs and format them
 * one way); splitting them by table would scatter one vocabulary across files.
 *
 * @module
 */
import type { Projection } from '../experiment/project.js';
import type { KpiSummary, ReplicationSummary } from '../experiment/summary.js';
import type { CorridorNetwork } from '../network/build.js';
import type { ScenarioSpec } from '../scenario/types.js';
import { emissionsChartData, emissionsChartSvg } from './charts/emissions-chart.js';
import { monthlyChartData, monthlyChartSvg } from './charts/monthly-chart.js';
import { transitChartData, transitChartSvg } from './charts/transit-chart.js';
import { utilisationChartData, utilisationChartSvg, utilisationTable } from './charts/utilisation-chart.js';
import { corridorsCsv, kpisCsv, monthlyVolumesCsv, serviceLoadCsv, transitByOdCsv } from './csv.js';
import { emissionsCsv, emissionsHeadline, emissionsModeTable, emissionsTable } from './emissions.js';
import { emptiesSection } from './empties-table.js';
import type { HtmlSection, HtmlTable } from './html.js';
import { corridorMapSvg, HUB_WAIT_KINDS, mapVolumesFromSummary } from './map.js';
import { formatNumber, formatPlusMinus, sortCorridorKeys } from './scale.js';
import type { ReportFile } from './write.js';

/** What the runs of a summary are called: replications of one scenario, or simulated futures of a projection. */
export type RunNoun = 'replications' | 'futures';

/** Sections shared by every kind: monthly volumes, transit times, the map and the bottlenecks of one summary. */
export function summarySections(
  summary: ReplicationSummary,
  network: CorridorNetwork,
  period: string,
  files: ReportFile[],
  runs: RunNoun = 'replications',
): HtmlSection[] {
  const monthly = monthlyChartSvg(monthlyChartData(summary), {
    title: `TEU dispatched per month, by corridor, ${period}`,
  });
  const transit = transitChartSvg(transitChartData(summary), {
    title: `Door-to-door transit time by corridor, ${period}`,
  });
  const emissions = emissionsChartSvg(emissionsChartData(summary), {
    title: `Emissions per TEU by corridor, ${period}`,
  });
  const map = corridorMapSvg(
    network,
    mapVolumesFromSummary(summary, `${period}, mean of ${summary.replications} ${runs}`),
  );
  files.push(
    { name: 'monthly-teu.svg', content: monthly },
    { name: 'transit-times.svg', content: transit },
    { name: 'corridor-map.svg', content: map },
    { name: 'emissions.svg', content: emissions },
    { name: 'utilisation-by-month.svg', content: utilisationSvg(summary, network, period, 'utilisation') },
    { name: 'emissions.csv', content: emissionsCsv(summary) },
    { name: 'volumes-by-corridor-month.csv', content: monthlyVolumesCsv(summary) },
    { name: 'corridors.csv', content: corridorsCsv(summary) },
    { name: 'transit-by-od.csv', content: transitByOdCsv(summary, network.spec) },
    { name: 'service-load-factors.csv', content: serviceLoadCsv(summary, network) },
    { name: 'kpis.csv', content: kpisCsv(summary) },
  );
  return [
    {
      id: 'corridors',
      heading: `Corridors, ${period}`,
      intro: [
        `Over ${summary.replications} ${runs}: the mean ± the half-width of its 95% confidence interval (how precisely ` +
          `the mean is known), and the range that 80% of the ${runs} fell in (how much the outcome varies).`,
      ],
      tables: [corridorTable(summary, undefined, runs)],
    },
    ...emptiesSection(summary, period),
    { id: 'monthly', heading: `Monthly volumes, ${period}`, figures: [monthly] },
    {
      id: 'transit',
      heading: `Door-to-door transit times, ${period}`,
      intro: [
        'A corridor’s box pools all its bookings, near and far (in the bundled scenario, ILSTC/rail-sea mixes bookings ' +
          'to Qinzhou port itself, about two days, with through bookings to ASEAN ports, one to three weeks). ' +
          'The table below splits the biggest flows by destination and by the corridor each booking took; ' +
          'transit-by-od.csv has every origin–destination pair.',
      ],
      figures: [transit],
      tables: [odTransitTable(summary, network)],
    },
    {
      id: 'emissions',
      heading: `Emissions, ${period}`,
      intro: [
        ...[emissionsHeadline(summary)].filter((line): line is string => line !== undefined),
        'CO2e by the GLEC Framework / ISO 14083 method from the TEU each vehicle carried on each leg, allocated to ' +
          'the boxes on board by TEU, plus hub handling; well-to-wheel (WTW) with tank-to-wheel (TTW) beside it. ' +
          'Factors, sources and what is estimated: docs/emissions.md.',
      ],
      figures: [emissions],
      tables: [emissionsTable(summary), emissionsModeTable(summary)],
    },
    {
      id: 'map',
      heading: `Corridor map, ${period}`,
      intro: ['Services coloured by corridor; line width grows with the TEU they carried; hub size with TEU handled.'],
      figures: [map],
    },
    bottleneckSection(summary, network, period, 'bottlenecks'),
  ];
}

/** The fullest services, the longest waits and the demand turned away, in one period. */
export function bottleneckSection(
  summary: ReplicationSummary,
  network: CorridorNetwork,
  period: string,
  id: string,
): HtmlSection {
  return {
    id,
    heading: `Where is the bottleneck? (${period})`,
    intro: [
      'The fullest services and the hubs where boxes wait longest: a full service with long waits for a departure ' +
        'is where extra capacity pays first. Waits of different kinds are counted per different things (a part of ' +
        'a booking, a train, a vessel), so each kind is ranked on its own.',
    ],
    figures: [utilisationSvg(summary, network, period, id === 'bottlenecks' ? 'utilisation' : `utilisation-${id}`)],
    tables: [
      utilisationTable(utilisationChartData(summary, network)),
      serviceTable(summary, network),
      waitKindTable(summary, network),
      hubTable(summary, network),
      ...divertedTable(summary, network),
    ],
  };
}

/** The monthly utilisation heat map of one summary. */
function utilisationSvg(summary: ReplicationSummary, network: CorridorNetwork, period: string, id: string): string {
  return utilisationChartSvg(utilisationChartData(summary, network), { id, title: `Utilisation by month, ${period}` });
}

/**
 * TEU (in the measured period, or in `year`), door-to-door days and cost per corridor key, as table rows: means with
 * the 95% half-widths of the mean, and the range 80% of the runs fell in. The CLI prints the same table as text.
 */
export function corridorTable(summary: ReplicationSummary, year?: string, runs: RunNoun = 'replications'): HtmlTable {
  const keys = sortCorridorKeys(Object.keys(summary.pooledDoorToDoorHours));
  return {
    header: [
      'corridor',
      year ? `TEU ${year} (mean ± 95% CI)` : 'TEU (mean ± 95% CI)',
      `TEU, 80% of ${runs}`,
      'door-to-door days',
      'p95 days',
      'cost USD/TEU',
    ],
    rows: keys.map((key) => {
      const teu = summary.kpis[year ? `teu/${key}/${year}` : `teu/${key}`];
      const days = summary.kpis[`days/${key}/mean`];
      const p95 = summary.kpis[`days/${key}/p95`];
      const cost = summary.kpis[`cost/${key}`];
      return [
        key,
        teu ? formatPlusMinus(teu.mean, teu.halfWidth95) : '0',
        teu ? `${formatNumber(teu.p10)}–${formatNumber(teu.p90)}` : '–',
        days ? formatPlusMinus(days.mean, days.halfWidth95, 1) : '–',
        p95 ? formatPlusMinus(p95.mean, p95.halfWidth95, 1) : '–',
        cost ? formatNumber(cost.mean) : '–',
      ];
    }),
  };
}

/** Door-to-door days by corridor, year by year: mean (mean p95) across futures (the CLI prints it too). */
export function transitTrendTable(projection: Projection): HtmlTable {
  const keys = sortCorridorKeys(Object.keys(projection.years[0]?.summary.pooledDoorToDoorHours ?? {}));
  return {
    caption: 'Door-to-door days by corridor: mean (p95), averaged over futures',
    header: ['corridor', ...projection.years.map((y) => String(y.year))],
    rows: keys.map((key) => [
      key,
      ...projection.years.map((y) => {
        const mean = y.summary.kpis[`days/${key}/mean`];
        const p95 = y.summary.kpis[`days/${key}/p95`];
        return mean ? `${formatNumber(mean.mean, 1)} (${p95 ? formatNumber(p95.mean, 1) : '–'})` : '–';
      }),
    ]),
  };
}

/** The growth assumption of each market of a projection (the CLI prints the same table as text). */
export function marketTable(projection: Projection): HtmlTable {
  return {
    caption:
      'Demand growth by market. Demand: base-year TEU booked by the flows of the market, whatever route they take. ' +
      'σ: spread of a year’s log growth (yearly shocks); s: spread of a future’s log trend (the trend’s uncertainty).',
    header: ['market', 'flows', 'demand, base year (TEU)', 'trend/year', 'trend from', 'σ', 's', 'spreads from'],
    rows: projection.markets.map((m) => [
      m.corridor,
      String(m.flows.length),
      formatNumber(m.baseTeu),
      `${formatNumber(m.trendGrowthPerYear * 100, 1)}%`,
      m.trendSource,
      formatNumber(m.logGrowthSd, 3),
      formatNumber(m.logTrendSd, 3),
      m.spreadSource,
    ]),
  };
}

/**
 * Demand turned away (booked, not carried: every route was backed up beyond `routeChoice.maxBacklogHours`) by
 * year and market, beside the TEU carried: a capacity-capped volume must not read as demand. Means over the futures;
 * the total with the range 80% of the futures fell in.
 */
export function turnedAwayTable(projection: Projection, maxBacklogHours?: number): HtmlTable {
  const markets = projection.markets;
  const limit = maxBacklogHours === undefined ? '' : ` more than ${formatNumber(maxBacklogHours / 24, 1)} days`;
  return {
    caption:
      `Demand turned away by market, TEU a year (booked but not carried: every route was backed up${limit}; ` +
      'means over the futures, the total with its 80% range)',
    header: [
      'year',
      'carried, all corridors',
      'turned away, all markets (80% range)',
      ...markets.map((m) => m.corridor),
    ],
    rows: projection.years.map((y) => {
      const kpis = y.summary.kpis;
      const total = kpis.diverted;
      const carried = Object.entries(y.volumes)
        .filter(([k]) => !k.includes('/'))
        .reduce((sum, [, v]) => sum + v.mean, 0);
      return [
        String(y.year),
        formatNumber(carried),
        total ? `${formatNumber(total.mean)} (${formatNumber(total.p10)}–${formatNumber(total.p90)})` : '0',
        ...markets.map((m) =>
          formatNumber(m.flows.reduce((sum, id) => sum + (kpis[`flow/${id}/diverted`]?.mean ?? 0), 0)),
        ),
      ];
    }),
  };
}

/** One sentence on the growth assumption behind a projection (for headlines and the fan chart). */
export function growthAssumption(projection: Projection, corridor?: string): string {
  const market = projection.markets.find((m) => m.corridor === (corridor ?? projection.markets[0]?.corridor));
  if (!market) return '';
  const trend = `${formatNumber(market.trendGrowthPerYear * 100, 0)}%/yr`;
  return projection.growth === 'history'
    ? `${market.corridor} demand trend +${trend}, fitted to the observed history`
    : `${market.corridor} demand trend +${trend} (the scenario's estimate)`;
}

export function serviceTable(summary: ReplicationSummary, network: CorridorNetwork): HtmlTable {
  const rows = network
    .services()
    .map((s) => ({
      s,
      load: summary.kpis[`loadFactor/${s.id}`],
      teu: summary.kpis[`teuLoaded/${s.id}`]?.mean ?? 0,
    }))
    .filter((r) => r.load !== undefined && r.teu > 0)
    .sort((a, b) => (b.load?.mean ?? 0) - (a.load?.mean ?? 0) || a.s.id.localeCompare(b.s.id))
    .slice(0, 12);
  return {
    caption: 'Fullest services (load factor: TEU on board ÷ capacity offered, per leg)',
    header: ['service', 'corridor', 'departures/week × TEU', 'TEU loaded', 'load factor'],
    rows: rows.map(({ s, load, teu }) => [
      `${s.name}${s.direction === 'return' ? ' (return)' : ''}`,
      s.corridorMode ? `${s.corridor}/${s.corridorMode}` : s.corridor,
      `${formatNumber(s.departuresPerWeek, 1)} × ${formatNumber(s.capacityTeu)}`,
      formatNumber(teu),
      load ? loadFactorText(load) : '–',
    ]),
  };
}

/** `70.1% ± 2.0` (the mean alone when the interval is not defined, as with one replication). */
function loadFactorText(load: KpiSummary): string {
  const mean = `${formatNumber(load.mean * 100, 1)}%`;
  return Number.isFinite(load.halfWidth95) ? `${mean} ± ${formatNumber(load.halfWidth95 * 100, 1)}` : mean;
}

/** Flows that lost bookings to the backlog limit (none when nothing was diverted). */
export function divertedTable(summary: ReplicationSummary, network: CorridorNetwork): HtmlTable[] {
  const total = summary.kpis.diverted;
  if (!total || total.mean <= 0) return [];
  const limit = network.spec.routeChoice.maxBacklogHours;
  const rows = network.spec.demand.flows
    .map((f) => ({
      f,
      diverted: summary.kpis[`flow/${f.id}/diverted`],
      generated: summary.kpis[`flow/${f.id}/generated`],
    }))
    .filter((r) => (r.diverted?.mean ?? 0) > 0)
    .sort((a, b) => (b.diverted?.mean ?? 0) - (a.diverted?.mean ?? 0) || a.f.id.localeCompare(b.f.id))
    .slice(0, 12);
  return [
    {
      caption:
        `Demand turned away: ${formatPlusMinus(total.mean, total.halfWidth95)} TEU booked were not carried because every ` +
        `route was backed up more than ${formatNumber((limit ?? 0) / 24, 1)} days`,
      header: ['flow', 'origin → destination', 'TEU turned away', 'share of its bookings'],
      rows: rows.map(({ f, diverted, generated }) => [
        f.id,
        `${f.origin} → ${f.destination}`,
        formatNumber(diverted?.mean ?? 0),
        generated && generated.mean > 0 ? `${formatNumber(((diverted?.mean ?? 0) / generated.mean) * 100, 1)}%` : '–',
      ]),
    },
  ];
}

/**
 * Door-to-door days of the biggest flows (by TEU booked), by destination and by the corridor each booking took: a
 * corridor's average pools near and far destinations, this table does not.
 */
export function odTransitTable(summary: ReplicationSummary, network: CorridorNetwork, maxFlows = 15): HtmlTable {
  const names = new Map(network.hubs().map((h) => [h.id, shortHubName(h.name)]));
  const flows = network.spec.demand.flows
    .map((flow) => ({ flow, teu: summary.kpis[`flow/${flow.id}/generated`]?.mean ?? 0 }))
    .filter((f) => f.teu > 0 && summary.kpis[`flow/${f.flow.id}/days/mean`] !== undefined)
    .sort((a, b) => b.teu - a.teu || a.flow.id.localeCompare(b.flow.id))
    .slice(0, maxFlows);
  const rows: string[][] = [];
  for (const { flow, teu } of flows) {
    const prefix = `flow/${flow.id}/via/`;
    const vias = sortCorridorKeys(
      Object.keys(summary.kpis)
        .filter((k) => k.startsWith(prefix) && k.endsWith('/days/mean'))
        .map((k) => k.slice(prefix.length, -'/days/mean'.length)),
    );
    for (const [i, via] of vias.entries()) {
      const mean = summary.kpis[`${prefix}${via}/days/mean`];
      const p95 = summary.kpis[`${prefix}${via}/days/p95`];
      rows.push([
        i === 0 ? `${names.get(flow.origin) ?? flow.origin} → ${names.get(flow.destination) ?? flow.destination}` : '',
        i === 0 ? formatNumber(teu) : '',
        via,
        mean ? formatPlusMinus(mean.mean, mean.halfWidth95, 1) : '–',
        p95 ? formatNumber(p95.mean, 1) : '–',
      ]);
    }
  }
  return {
    caption:
      `Door-to-door days of the ${flows.length} biggest flows, by the corridor each booking took ` +
      '(mean ± the 95% CI half-width; p95 averaged over the runs)',
    header: ['origin → destination', 'TEU booked', 'via', 'days, mean', 'days, p95'],
    rows,
  };
}

/** The worst elements of each kind of wait (departure, crane, gauge-change track, lock), ranked within the kind. */
export function waitKindTable(summary: ReplicationSummary, network: CorridorNetwork, perKind = 3): HtmlTable {
  const rows: string[][] = [];
  for (const w of HUB_WAIT_KINDS) {
    const worst = network
      .hubs()
      .map((h) => ({ h, kpi: summary.kpis[`wait/${h.id}/${w.kind}`] }))
      .filter((r) => r.kpi !== undefined && r.kpi.mean > 0)
      .sort((a, b) => (b.kpi?.mean ?? 0) - (a.kpi?.mean ?? 0) || a.h.id.localeCompare(b.h.id))
      .slice(0, perKind);
    for (const [i, { h, kpi }] of worst.entries()) {
      rows.push([
        i === 0 ? `${w.label} (${w.per})` : '',
        shortHubName(h.name),
        formatPlusMinus(kpi?.mean ?? 0, kpi?.halfWidth95 ?? 0, 1),
      ]);
    }
  }
  return {
    caption: `The longest mean waits of each kind, hours (the ${perKind} worst hubs of each; ± the 95% CI half-width)`,
    header: ['wait', 'hub', 'mean hours'],
    rows,
  };
}

export function hubTable(summary: ReplicationSummary, network: CorridorNetwork): HtmlTable {
  const hours = (id: string, what: string) => summary.kpis[`wait/${id}/${what}`]?.mean;
  const rows = network
    .hubs()
    .map((h) => {
      const parts = HUB_WAIT_KINDS.map((w) => hours(h.id, w.kind));
      // Ranked by the hub's longest wait of any kind (hours per part, train or vessel are not added up).
      return { h, parts, worst: Math.max(0, ...parts.map((p) => p ?? 0)) };
    })
    .filter((r) => r.worst > 0)
    .sort((a, b) => b.worst - a.worst || a.h.id.localeCompare(b.h.id))
    .slice(0, 12);
  const f = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v, 1));
  return {
    caption:
      'Hubs by their longest mean wait, hours (for a departure with room and for a crane per part, for a ' +
      'gauge-change track per train, at a lock per vessel)',
    header: ['hub', 'departure', 'crane', 'gauge change (per train)', 'lock (per vessel)', 'crane utilisation'],
    rows: rows.map(({ h, parts }) => {
      const util = summary.kpis[`utilisation/${h.id}/handling`];
      return [shortHubName(h.name), ...parts.map(f), util ? `${formatNumber(util.mean * 100, 0)}%` : '–'];
    }),
  };
}

/** A hub's name without its parenthesised detail ("Wuhan (Yangluo)" → "Wuhan"). */
function shortHubName(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

export function targetHeadlines(summary: ReplicationSummary, scenario: ScenarioSpec): string[] {
  return scenario.targets.flatMap((t) => {
    const teu = summary.kpis[`target/${t.id}/teu`];
    const met = summary.kpis[`target/${t.id}/met`];
    const covered = summary.kpis[`target/${t.id}/covered`];
    if (!teu || !met) return [];
    const corridor = t.corridorMode ? `${t.corridor}/${t.corridorMode}` : t.corridor;
    if (!covered || covered.mean < 1) {
      return [
        `${corridor} ${t.year} ≥ ${formatNumber(t.teu)} TEU: not judged (the run does not span all of ${t.year}).`,
      ];
    }
    return [
      `${corridor} ${t.year} ≥ ${formatNumber(t.teu)} TEU: simulated ${formatPlusMinus(teu.mean, teu.halfWidth95)} TEU; met in ` +
        `${formatNumber(met.mean * met.n)} of ${met.n} replications (growth at the scenario's own rates).`,
    ];
  });
}

/** A KPI name in words, with its unit: `teu/ILSTC/2025` → `ILSTC TEU in 2025`. */
export function kpiLabel(name: string): { label: string; unit: string } {
  const parts = name.split('/');
  const [kind] = parts;
  const rest = parts.slice(1);
  if (kind === 'teu') {
    const year = rest.length > 1 && /^\d{4}$/.test(rest.at(-1) as string) ? rest.pop() : undefined;
    return { label: `${rest.join('/')} TEU${year ? ` in ${year}` : ''}`, unit: 'TEU' };
  }
  if (kind === 'target' && rest.at(-1) === 'teu') return { label: `TEU toward target ${rest[0]}`, unit: 'TEU' };
  if (kind === 'target' && rest.at(-1) === 'met') return { label: `share of runs meeting ${rest[0]}`, unit: '' };
  if (kind === 'days') {
    const stat = rest.pop();
    return { label: `${rest.join('/')} door-to-door days (${stat})`, unit: 'days' };
  }
  if (kind === 'cost') return { label: `${rest.join('/')} freight cost`, unit: 'USD/TEU' };
  if (kind === 'co2eKgWtw' && rest.length === 0) return { label: 'CO2e well-to-wheel, all corridors', unit: 'kg' };
  if (kind === 'co2eKgWtw') return { label: `${rest.join('/')} CO2e well-to-wheel`, unit: 'kg' };
  if (kind === 'co2eKgWtwPerTeu') return { label: `${rest.join('/')} CO2e per TEU (WTW)`, unit: 'kg/TEU' };
  return { label: name, unit: '' };
}
