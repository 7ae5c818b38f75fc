/**
 * Utilisation over time in the report: a heat map of each service's monthly load factor and each hub resource's
 * monthly offered load, and a table of the worst month of each, in the bottleneck section.
 */
import { describe, expect, it } from 'vitest';
import { chongqingScenario, replicate, summariseRuns } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';

describe('utilisation by month in the report', () => {
  it('draws a cell per month for services and hub resources and names the worst month', async () => {
    const scenario = chongqingScenario();
    const set = await replicate(scenario, {
      replications: 2,
      seed: 'util',
      workers: 0,
      startDate: '2025-01-01',
      years: 0.25,
    });
    const summary = summariseRuns(set.runs);
    const files = new Map(
      buildReport({ kind: 'replications', scenario, summary, period: '2025 Q1', settings: {} }).map((f) => [
        f.name,
        f.content,
      ]),
    );
    const svg = files.get('utilisation-by-month.svg') as string;
    const cells = [
      ...svg.matchAll(/<rect [^>]*class="cell" data-row="([^"]+)" data-month="([^"]+)" data-value="([^"]+)"/g),
    ];
    const rows = new Set(cells.map((c) => c[1]));
    expect(rows).toContain('malaszewicze/gaugeChange');
    expect(rows).toContain('three-gorges-locks/lock');
    expect([...rows].some((r) => !r?.includes('/'))).toBe(true); // services
    expect(new Set(cells.map((c) => c[2]))).toEqual(new Set(['2025-01', '2025-02', '2025-03', '2025-04']));
    // Each cell is the mean of the KPI over the runs.
    const lock = cells.find((c) => c[1] === 'three-gorges-locks/lock' && c[2] === '2025-02');
    expect(Number(lock?.[3])).toBeCloseTo(
      summary.kpis['offeredLoad/three-gorges-locks/lock/2025-02']?.mean as number,
      2,
    );
    const html = files.get('index.html') as string;
    const bottlenecks = html.slice(html.indexOf('<section id="bottlenecks">'));
    expect(bottlenecks).toContain('id="utilisation"');
    expect(bottlenecks).toMatch(
      /<td>Małaszewicze: gauge-change tracks<\/td><td>offered load<\/td><td>[A-Z][a-z]{2} 2025<\/td>/,
    );
  }, 120_000);
});
