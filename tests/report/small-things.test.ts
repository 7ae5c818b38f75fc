/**
 * The small things that made the report look careless (issue 15), each checked: the fan chart's target line over
 * its year only and every projected year on its axis, no "2025–2025", a one-replication run's CSV without infinite
 * bounds and with the booked TEU, one headline as a paragraph, axis labels at 2.5 × 10^k steps, compact labels.
 */
import { describe, expect, it } from 'vitest';
import { chongqingScenario, replicate, summariseRuns } from '../../src/index.js';
import { type FanChartData, fanChartSvg } from '../../src/report/charts/fan-chart.js';
import { buildReport } from '../../src/report/index.js';
import { formatCompact, formatTick, linearScale } from '../../src/report/scale.js';
import { cli } from '../cli/run-cli.js';

describe('small things', () => {
  it('the fan chart labels every projected year and draws the target over its year only', () => {
    const data: FanChartData = {
      corridor: 'ILSTC',
      observed: Array.from({ length: 8 }, (_, i) => ({ year: 2017 + i, teu: 30_000 * (i + 1) })),
      projected: [2025, 2026, 2027].map((year, i) => ({
        year,
        mean: 270_000 + 30_000 * i,
        interval80: [250_000 + 20_000 * i, 290_000 + 40_000 * i] as [number, number],
        interval95: [240_000 + 15_000 * i, 300_000 + 50_000 * i] as [number, number],
      })),
      targets: [{ id: 't', year: 2025, teu: 270_000, probability: 0.67, probabilityCi95: [0.4, 0.85] }],
      replications: 40,
    } as FanChartData;
    const svg = fanChartSvg(data);
    const axis = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" class="axis" text-anchor="middle">(\d{4})<\/text>/g)];
    expect(axis.map((m) => Number(m[2]))).toEqual(Array.from({ length: 11 }, (_, i) => 2017 + i));
    const yearWidth = Number(axis[1]?.[1]) - Number(axis[0]?.[1]);
    const line = svg.match(/<line x1="([\d.]+)" x2="([\d.]+)"[^>]*class="target-line"/);
    expect(line).not.toBeNull();
    const x2025 = Number(axis.find((m) => m[2] === '2025')?.[1]);
    expect(Number(line?.[1])).toBeGreaterThan(x2025 - yearWidth / 2 - 0.01);
    expect(Number(line?.[2])).toBeLessThan(x2025 + yearWidth / 2 + 0.01);
  });

  it('a one-year projection is not headed "2025–2025"', async () => {
    const { code, out } = await cli(
      'project',
      '--from',
      '2025',
      '--to',
      '2025',
      '--replications',
      '2',
      '--workers',
      '0',
    );
    expect(code).toBe(0);
    expect(out).not.toContain('2025–2025');
  }, 120_000);

  it('a one-replication run writes no infinite bounds, fills the booked TEU and heads with one paragraph', async () => {
    const scenario = chongqingScenario();
    const set = await replicate(scenario, {
      replications: 1,
      seed: 1,
      workers: 0,
      startDate: '2025-01-01',
      years: 0.25,
    });
    const files = new Map(
      buildReport({
        kind: 'replications',
        scenario,
        summary: summariseRuns(set.runs),
        period: '2025 Q1',
        settings: {},
      }).map((f) => [f.name, f.content]),
    );
    for (const [name, content] of files) {
      if (name.endsWith('.csv')) expect(content, name).not.toMatch(/Infinity/);
    }
    const od = (files.get('transit-by-od.csv') as string).trim().split('\r\n');
    const column =
      od[0]
        ?.replace(/^\uFEFF/, '')
        .split(',')
        .indexOf('teu_generated_mean') ?? -1;
    expect(column).toBeGreaterThan(0);
    for (const row of od.slice(1)) expect(Number(row.split(',')[column])).toBeGreaterThan(0);
    const html = files.get('index.html') as string;
    expect(html).not.toContain('<ul class="headlines"><li>');
    expect(html).not.toMatch(/± (Infinity|NaN)/);
  }, 120_000);

  it('axis labels keep the decimals of 2.5 × 10^k steps; compact labels move up a unit and never read -0', () => {
    const scale = linearScale(-1, 0, [0, 100], 4);
    expect(scale.ticks.map((t) => formatTick(t, scale.step))).toEqual(['-1', '-0.75', '-0.5', '-0.25', '0']);
    expect(formatCompact(999_999)).toBe('1M');
    expect(formatCompact(999.9)).toBe('1k');
    expect(formatCompact(-0.0001)).toBe('0');
    expect(formatCompact(102_500, 2500)).toBe('102.5k');
    expect(formatCompact(10_250)).toBe('10.3k'); // three significant digits, rounded half up: not a misreading
  });
});
