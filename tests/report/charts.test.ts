/**
 * Charts and map from real (short) runs of the bundled scenario: well-formed SVG that draws what the data says.
 */
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../src/network/build.js';
import { parseMonthKpi } from '../../src/report/charts/monthly-chart.js';
import {
  comparisonChartData,
  comparisonChartSvg,
  corridorMapSvg,
  fanChartData,
  fanChartSvg,
  mapVolumesFromSummary,
  monthlyChartData,
  monthlyChartSvg,
  transitChartData,
  transitChartSvg,
} from '../../src/report/index.js';
import { bundledComparison, bundledProjection, bundledSummary, scenario } from './fixtures.js';
import { checkWellFormed } from './xml.js';

const count = (svg: string, needle: string) => svg.split(needle).length - 1;

describe('fan chart', () => {
  it('draws the observed history, both bands, the mean and the target with its probability', async () => {
    const projection = await bundledProjection();
    const data = fanChartData(projection, scenario);
    expect(data.corridor).toBe('ILSTC');
    expect(data.observed.map((p) => p.year)).toEqual([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    expect(data.projected).toHaveLength(1);
    const outlook = projection.years[0]!.targets[0]!;
    expect(data.targets[0]).toMatchObject({ year: 2025, teu: 270_000, probability: outlook.probability });
    const svg = fanChartSvg(data);
    checkWellFormed(svg);
    for (const cls of ['band95', 'band80', 'projected-mean', 'observed', 'target-line', 'target-mark']) {
      expect(svg, cls).toContain(`class="${cls}"`);
    }
    expect(svg).toContain(`P(met) = ${Math.round(outlook.probability * 100)}%`);
    // The sources of observed points travel as tooltips.
    expect(svg).toContain('Chongqing Daily');
  });

  it('escapes names and sources', () => {
    const svg = fanChartSvg({
      corridor: 'A<B & C',
      observed: [{ year: 2024, teu: 100, source: '> 10,000 trains "lower bound"' }],
      projected: [],
      targets: [{ id: 't', year: 2024, teu: 150 }],
    });
    checkWellFormed(svg);
    expect(svg).toContain('A&lt;B &amp; C');
    expect(svg).toContain('&gt; 10,000 trains &quot;lower bound&quot;');
  });

  it('puts the 95% band outside the 80% band and the mean inside both', () => {
    const svg = fanChartSvg({
      corridor: 'ILSTC',
      observed: [{ year: 2024, teu: 100 }],
      projected: [{ year: 2025, mean: 120, interval80: [110, 130], interval95: [100, 140] }],
      targets: [],
    });
    const ys = (cls: string) => {
      const d = new RegExp(`d="([^"]+)"[^>]*class="${cls}"`).exec(svg)?.[1] ?? '';
      return [...d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    };
    const y95 = ys('band95');
    const y80 = ys('band80');
    const yMean = ys('projected-mean');
    expect(Math.min(...y95)).toBeLessThan(Math.min(...y80));
    expect(Math.max(...y95)).toBeGreaterThanOrEqual(Math.max(...y80));
    expect(Math.min(...yMean)).toBeGreaterThan(Math.min(...y80));
    expect(Math.max(...yMean)).toBeLessThanOrEqual(Math.max(...y80));
  });
});

describe('monthly chart', () => {
  it('parses month KPIs whose corridor keys contain slashes', () => {
    expect(parseMonthKpi('month/ILSTC/rail-sea/2025-03/export')).toEqual({
      corridor: 'ILSTC/rail-sea',
      month: '2025-03',
      direction: 'export',
    });
    expect(parseMonthKpi('month/Yangtze/2025-12')).toEqual({ corridor: 'Yangtze', month: '2025-12' });
    expect(parseMonthKpi('teu/ILSTC/2025')).toBeUndefined();
    expect(parseMonthKpi('month/2025-01')).toBeUndefined();
  });

  it('draws one line per top-level corridor over the measured months', async () => {
    const summary = await bundledSummary();
    const data = monthlyChartData(summary);
    // A quarter of a year is 91.3 days: the run ends on 2 April.
    expect(data.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(data.series.map((s) => s.corridor)).toEqual(['ILSTC', 'CR-Express', 'Northern', 'Yangtze']);
    for (const s of data.series) {
      s.mean.forEach((m, i) => {
        expect(s.low[i]).toBeLessThanOrEqual(m);
        expect(s.high[i]).toBeGreaterThanOrEqual(m);
      });
    }
    // The monthly means add up to the corridor's TEU over the period.
    const ilstc = data.series[0]!;
    const total = summary.kpis['teu/ILSTC']!.mean;
    expect(ilstc.mean.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
    const svg = monthlyChartSvg(data);
    checkWellFormed(svg);
    expect(count(svg, 'class="series"')).toBe(4);
  });
});

describe('transit chart', () => {
  it('draws a box per corridor key with ordered percentiles', async () => {
    const summary = await bundledSummary();
    const data = transitChartData(summary);
    expect(data.rows.map((r) => r.corridor)).toContain('ILSTC/rail-sea');
    for (const r of data.rows) {
      expect(r.p05).toBeLessThanOrEqual(r.p25);
      expect(r.p25).toBeLessThanOrEqual(r.p50);
      expect(r.p50).toBeLessThanOrEqual(r.p75);
      expect(r.p75).toBeLessThanOrEqual(r.p95);
      expect(r.p50 * 24).toBeCloseTo(summary.pooledDoorToDoorHours[r.corridor]!.p50, 6);
    }
    const svg = transitChartSvg(data);
    checkWellFormed(svg);
    expect(count(svg, 'class="box"')).toBe(data.rows.length);
  });
});

describe('comparison chart', () => {
  it('draws every variant’s paired difference with its interval, for TEU and days', async () => {
    const comparison = await bundledComparison();
    const data = comparisonChartData(comparison);
    expect(data.panels.map((p) => p.unit)).toEqual(['TEU', 'days']);
    expect(data.rows.every((r) => r.variant === 'Jakarta feeder 2,000 TEU')).toBe(true);
    const d = comparison.variants[0]!.differences['teu/ILSTC']!;
    const row = data.rows.findIndex((r) => r.group === 'ILSTC');
    expect(data.panels[0]!.values[row]).toEqual({ mean: d.mean, ci95: d.ci95, significant: d.significant });
    const svg = comparisonChartSvg(data);
    checkWellFormed(svg);
    expect(count(svg, 'class="difference"')).toBe(data.panels.flatMap((p) => p.values).filter(Boolean).length);
  });
});

describe('corridor map', () => {
  it('draws land, every service and hub, and a detail panel of the ILSTC', async () => {
    const summary = await bundledSummary();
    const network = buildNetwork(scenario);
    const volumes = mapVolumesFromSummary(summary, '2025 Q1');
    expect(volumes.serviceTeu['ilstc-rail-sea-train']).toBeGreaterThan(0);
    const svg = corridorMapSvg(network, volumes);
    checkWellFormed(svg);
    const land = /<path d="([^"]*)" fill="#f5f5f0"/.exec(svg)?.[1] ?? '';
    expect(land.length).toBeGreaterThan(10_000);
    // Each spec service once per panel; the detail panel shows the ILSTC services (and whatever else is in view).
    const specs = scenario.services.length;
    const ilstc = scenario.services.filter((s) => s.corridor === 'ILSTC').length;
    expect(count(svg, 'class="service"')).toBeGreaterThanOrEqual(specs + ilstc);
    expect(svg).toContain('id="map-detail-ilstc"');
    expect(count(svg, 'class="hub"')).toBeGreaterThanOrEqual(scenario.hubs.length);
    // The busiest hubs are labelled, once per cluster of co-located terminals (Chongqing, Shanghai), and the
    // chokepoints where the examples' bottlenecks are.
    const overview = svg.slice(svg.indexOf('id="map-overview"'), svg.indexOf('id="map-detail-ilstc"'));
    const labels = [...overview.slice(overview.indexOf('hub-labels')).matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]);
    expect(labels.filter((l) => l?.startsWith('Chongqing'))).toHaveLength(1);
    expect(labels.filter((l) => l?.startsWith('Shanghai'))).toHaveLength(1);
    // A cluster's label names every hub in it (Brest · Małaszewicze, Manzhouli · Zabaikalsk).
    expect(labels).toEqual(expect.arrayContaining(['Alashankou', 'Khorgos', 'Duisburg', 'Brest · Małaszewicze']));
    expect(labels.some((l) => l?.startsWith('Manzhouli'))).toBe(true);
    // Without volumes: one width, no detail panel when asked.
    const plain = corridorMapSvg(network, undefined, { detail: false });
    checkWellFormed(plain);
    expect(plain).not.toContain('map-detail');
    expect(count(plain, 'class="service"')).toBe(specs);
  });

  it('line width grows with the TEU a service carried', async () => {
    const network = buildNetwork(scenario);
    const volumes = {
      serviceTeu: { 'ilstc-rail-sea-train': 100_000, 'cr-express-alashankou': 1000 },
      hubTeu: {},
      label: 't',
    };
    const svg = corridorMapSvg(network, volumes, { detail: false });
    const width = (id: string) =>
      Number(new RegExp(`stroke-width="([\\d.]+)"[^>]*data-service="${id}"`).exec(svg)?.[1]);
    const big = width('ilstc-rail-sea-train');
    expect(big).toBeGreaterThan(width('cr-express-alashankou'));
    expect(svg).toMatch(/stroke-dasharray="3 3"[^>]*class="service"/); // services without cargo are dashed
  });
});
