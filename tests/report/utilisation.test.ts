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
    // A row per service or hub resource: its months, and a cell (data-value) per month.
    const rows = new Map(
      [...svg.matchAll(/<g class="row" data-row="([^"]+)" data-months="([^"]+)">(.*?)<g class="small"/g)].map((m) => [
        m[1] as string,
        {
          months: (m[2] as string).split(' '),
          values: [...(m[3] as string).matchAll(/data-value="([^"]+)"/g)].map((v) => Number(v[1])),
        },
      ]),
    );
    expect([...rows.keys()]).toContain('malaszewicze/gaugeChange');
    expect([...rows.keys()]).toContain('three-gorges-locks/lock');
    expect([...rows.keys()].some((r) => !r.includes('/'))).toBe(true); // services
    const lock = rows.get('three-gorges-locks/lock');
    expect(lock?.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(lock?.values).toHaveLength(4);
    // Each cell is the mean of the KPI over the runs.
    expect(lock?.values[1]).toBeCloseTo(summary.kpis['offeredLoad/three-gorges-locks/lock/2025-02']?.mean as number, 2);
    const html = files.get('index.html') as string;
    const bottlenecks = html.slice(html.indexOf('<section id="bottlenecks">'));
    expect(bottlenecks).toContain('id="utilisation"');
    expect(bottlenecks).toMatch(
      /<td>Małaszewicze: gauge-change tracks<\/td><td>offered load<\/td><td>[A-Z][a-z]{2} 2025<\/td>/,
    );
  }, 120_000);
});
