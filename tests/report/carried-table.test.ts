/**
 * The backlog a projection carries from one year into the next, shown in the projection report: what a year carries
 * out is what the next carries in (the same futures), and a projection run with independent years shows no table.
 */
import { describe, expect, it } from 'vitest';
import { project } from '../../src/index.js';
import { carriedTable } from '../../src/report/carried-table.js';
import { buildReport } from '../../src/report/index.js';
import { lineScenario } from '../model/fixtures.js';

// A line short of capacity (one 4-TEU train a day against 2,000 TEU a year): cargo is always waiting on 31 December.
const scenario = lineScenario({ teuPerYear: 2_000, capacityTeu: 4, shipmentTeu: { type: 'constant', value: 1 } });
const options = { fromYear: 2025, toYear: 2026, replications: 3, seed: 'carried', workers: 0 } as const;

describe('the carried-backlog table', () => {
  it("lists each year's carried in and out; one year's out is the next year's in", async () => {
    const projection = await project(scenario, options);
    const table = carriedTable(projection);
    expect(table?.caption).toContain('carried out, starting the next year');
    expect(table?.rows.map((r) => r[0])).toEqual(['2025', '2026']);
    const [first, second] = projection.years;
    const out2025 = first?.summary.kpis['carried/out']?.mean ?? 0;
    expect(out2025).toBeGreaterThan(0);
    expect(second?.summary.kpis['carried/in']?.mean).toBeCloseTo(out2025, 9);
    expect(table?.rows[1]?.[1]?.startsWith(table?.rows[0]?.[2]?.split(' ')[0] ?? '-')).toBe(true);
    const html = buildReport({ kind: 'projection', scenario, projection, settings: {} }).find(
      (f) => f.name === 'index.html',
    )?.content;
    expect(html).toContain('Backlog carried over, TEU');
  });

  it('is left out when the years run independently', async () => {
    const projection = await project(scenario, { ...options, carryBacklog: false });
    expect(carriedTable(projection)).toBeUndefined();
    const html = buildReport({ kind: 'projection', scenario, projection, settings: {} }).find(
      (f) => f.name === 'index.html',
    )?.content;
    expect(html).not.toContain('Backlog carried over');
  });
});
