/**
 * Demand turned away (booked, not carried) is shown beside the TEU carried, per year and market, with one word for it.
 */
import { describe, expect, it } from 'vitest';
import { chongqingScenario, project } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { turnedAwayTable } from '../../src/report/report.js';

describe('turned-away demand', () => {
  it('a projection whose routes are backed up turns demand away, and the table adds up to the runs', async () => {
    const base = chongqingScenario();
    // Two hours of backlog is less than a daily train's headway: much of the demand is turned away.
    const scenario = { ...base, routeChoice: { ...base.routeChoice, maxBacklogHours: 2 } };
    const projection = await project(scenario, {
      fromYear: 2025,
      toYear: 2025,
      replications: 2,
      seed: 'turned-away',
      workers: 0,
    });
    const year = projection.years[0]!;
    const total = year.summary.kpis.diverted!;
    expect(total.mean).toBeGreaterThan(0);
    const table = turnedAwayTable(projection, 2);
    expect(table.caption).toContain('not carried');
    expect(table.caption).toContain('more than 0.1 days');
    const row = table.rows[0]!;
    expect(row[0]).toBe('2025');
    const byMarket = row.slice(3).map((cell) => Number(cell.replace(/,/g, '')));
    // Markets partition the flows, so the market columns add up to the total (each rounded to whole TEU).
    const sum = byMarket.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - total.mean)).toBeLessThanOrEqual(projection.markets.length);
    expect(Number(row[2]!.split(' ')[0]!.replace(/,/g, ''))).toBeCloseTo(total.mean, -1);
    const html = buildReport({ kind: 'projection', scenario, projection, settings: {} }).find(
      (f) => f.name === 'index.html',
    )!.content;
    expect(html).toContain('Demand turned away by market');
    expect(html).not.toContain('went another way');
  });
});
