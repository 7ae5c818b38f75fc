/**
 * The emissions part of reports: the chart, the tables and emissions.csv agree with the summary they come from.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/index.js';
import { kpiLabel } from '../../src/report/report.js';
import { bundledComparison, bundledSummary, scenario } from './fixtures.js';
import { checkWellFormed } from './xml.js';

const byName = (files: { name: string; content: string }[]) => new Map(files.map((f) => [f.name, f.content]));

describe('emissions in reports', () => {
  it('a replications report has the emissions chart, tables and CSV, matching the summary', async () => {
    const summary = await bundledSummary();
    const files = byName(
      buildReport({ kind: 'replications', scenario, summary, period: '2025 Q1', settings: { replications: 2 } }),
    );
    const html = files.get('index.html') as string;
    checkWellFormed(html, { html: true });
    expect(html).toContain('id="emissions"');
    expect(html).toContain('Emissions by corridor');
    expect(html).toContain('Emissions by mode');
    const svg = files.get('emissions.svg') as string;
    checkWellFormed(svg);
    expect(svg).toContain('data-corridor="ILSTC/rail-sea"');
    const csv = (files.get('emissions.csv') as string).trimEnd().split('\r\n');
    expect(csv[0]).toBe('\uFEFFgroup,key,measure,mean,ci95_low,ci95_high,replications');
    const row = csv.find((l) => l.startsWith('corridor,ILSTC,co2eKgWtwPerTeu,'))?.split(',');
    expect(Number(row?.[3])).toBeCloseTo(summary.kpis['co2eKgWtwPerTeu/ILSTC']?.mean as number, 3);
    const total = csv.find((l) => l.startsWith('total,,co2eKgWtw,'))?.split(',');
    expect(Number(total?.[3])).toBeCloseTo(summary.kpis.co2eKgWtw?.mean as number, 3);
    expect(csv.some((l) => l.startsWith('mode,rail,co2eKgWtwPerTeuKm,'))).toBe(true);
    expect(csv.some((l) => l.startsWith('flow,cq-singapore-export,co2eKgWtwPerTeu,'))).toBe(true);
  });

  it('a comparison report lists the paired differences in emissions', async () => {
    const comparison = await bundledComparison();
    const files = byName(buildReport({ kind: 'comparison', base: scenario, comparison, settings: {} }));
    const html = files.get('index.html') as string;
    expect(html).toContain('<td>CO2e well-to-wheel, all corridors</td>');
    expect(html).toContain('<td>ILSTC CO2e per TEU (WTW)</td>');
    expect(comparison.variants[0]?.differences['co2eKgWtwPerTeu/ILSTC/rail-sea']?.ci95).toHaveLength(2);
  });

  it('names emissions KPIs in words with their units', () => {
    expect(kpiLabel('co2eKgWtw')).toEqual({ label: 'CO2e well-to-wheel, all corridors', unit: 'kg' });
    expect(kpiLabel('co2eKgWtwPerTeu/ILSTC')).toEqual({ label: 'ILSTC CO2e per TEU (WTW)', unit: 'kg/TEU' });
  });
});
