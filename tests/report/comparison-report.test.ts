/**
 * The comparison report: variants named in full, every KPI the CLI shows (TEU by ILSTC mode, cost rows) grouped
 * volumes → times → costs → emissions, one number format per KPI, base and variants side by side with a map of the
 * differences, and — for a projected comparison — P(target) in base and variant at the top.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyChanges, compare, compareProjections } from '../../src/index.js';
import { comparisonKpiOrder, formatDifferenceCell, formatKpiDifference } from '../../src/report/comparison-kpis.js';
import { buildReport } from '../../src/report/index.js';
import { formatPlusMinus } from '../../src/report/scale.js';
import { scenario } from './fixtures.js';

const LONG = 'Jakarta feeder doubled to 2,000 TEU with a second weekly call at Tanjung Priok';
const variant = applyChanges(scenario, [
  { kind: 'setCapacity', service: 'ilstc-feeder-tanjung-priok', capacityTeu: 2000 },
]);

/** The text of every table cell of a page, in order. */
function cells(html: string): string[] {
  return [...html.matchAll(/<td(?: class="num")?>([^<]*)<\/td>/g)].map((m) => m[1] as string);
}

/** The rows of the table whose caption starts with `caption`, as cell texts. */
function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`<caption>${caption}`);
  if (start < 0) return [];
  const body = html.slice(start, html.indexOf('</table>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...(m[1] as string).matchAll(/<td(?: class="num")?>([^<]*)<\/td>/g)].map((c) => c[1] as string),
  );
}

describe('the comparison report', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    const comparison = await compare({ name: 'baseline', scenario }, [{ name: LONG, scenario: variant }], {
      replications: 2,
      seed: 'report',
      workers: 0,
      startDate: '2025-01-01',
      years: 0.25,
    });
    files = new Map(
      buildReport({ kind: 'comparison', base: scenario, comparison, settings: {} }).map((f) => [f.name, f.content]),
    );
  }, 120_000);

  it('names the variant in full, in the chart and the tables', () => {
    expect(files.get('comparison.svg')).toContain(`ILSTC — ${LONG.replace("'", '&apos;')}`);
    expect(files.get('comparison.svg')).not.toContain('…');
    expect(files.get('index.html')).toContain(`<caption>${LONG} − baseline</caption>`);
  });

  it('shows TEU by ILSTC mode and cost rows, grouped volumes, times, costs, emissions', () => {
    const rows = tableRows(files.get('index.html') as string, `${LONG} − baseline`);
    const labels = rows.map((r) => r[1]);
    for (const label of ['ILSTC/rail-sea TEU', 'ILSTC/international-rail TEU', 'ILSTC freight cost']) {
      expect(labels).toContain(label);
    }
    const groups = rows.map((r) => r[0]).filter((g) => g !== undefined && g !== '');
    expect(groups).toEqual(['Volumes', 'Times', 'Costs', 'Emissions']);
    const index = (label: string) => labels.indexOf(label);
    expect(index('ILSTC TEU')).toBeLessThan(index('ILSTC/rail-sea TEU'));
    expect(index('Yangtze TEU')).toBeLessThan(index('ILSTC door-to-door days (mean)'));
    expect(index('Yangtze door-to-door days (mean)')).toBeLessThan(index('ILSTC freight cost'));
  });

  it('writes every number one way: whole TEU, no -0, no ± 0.0', () => {
    const html = files.get('index.html') as string;
    const rows = tableRows(html, `${LONG} − baseline`);
    for (const row of rows.filter((r) => r[2] === 'TEU')) {
      // base, variant, difference, paired ±, independent ± (not the relative change)
      for (const i of [3, 4, 5, 7, 8]) expect(row[i], row[1]).not.toMatch(/\d\.\d/);
    }
    for (const cell of cells(html)) {
      expect(cell).not.toMatch(/(^|[\s(])-0(\.0+)?($|[\s)%])/);
      expect(cell).not.toMatch(/± 0(\.0+)?$/);
    }
  });

  it('shows base and variant side by side: monthly volumes, transit times and a map of the differences', () => {
    const html = files.get('index.html') as string;
    const section = html.slice(
      html.indexOf('<section id="side-by-side">'),
      html.indexOf('</section>', html.indexOf('<section id="side-by-side">')),
    );
    for (const id of ['monthly-teu-0', 'monthly-teu-1', 'transit-times-0', 'transit-times-1', 'difference-map-1']) {
      expect(section).toContain(`id="${id}"`);
    }
    expect(section).toContain('<caption>Corridors in each scenario');
    const map = files.get('difference-map-1.svg') as string;
    // The feeder the variant enlarged carries more: drawn in the "more" colour, with a signed tooltip.
    const feeder = map.match(/<path [^>]*data-service="ilstc-feeder-tanjung-priok"[^>]*>/)?.[0] ?? '';
    expect(feeder).toMatch(/stroke="#(1d4ed8|dc2626|9ca3af)"/);
    expect(map).toContain('Change in TEU');
    // The base's map is a file, not inline: the page stays under 250 KB.
    expect(files.get('corridor-map.svg')).toContain('id="corridor-map"');
    expect(Buffer.byteLength(files.get('index.html') as string, 'utf8')).toBeLessThanOrEqual(250 * 1024);
  });
});

describe('a projected comparison report', () => {
  it('leads with P(target) in base and variant and their paired difference', async () => {
    const projected = await compareProjections(
      { name: 'baseline', scenario },
      [{ name: 'second train', scenario: variant }],
      { fromYear: 2025, toYear: 2025, replications: 2, seed: 'report', workers: 0 },
    );
    const last = projected.years.at(-1);
    if (!last) throw new Error('no projected year');
    const html = buildReport({
      kind: 'comparison',
      base: scenario,
      comparison: last.comparison,
      projected,
      settings: {},
    }).find((f) => f.name === 'index.html')?.content as string;
    const tile = html.match(
      /<div class="tile"><div class="tile-label">P\(ILSTC ≥ 270,000 TEU in 2025\)<\/div><div class="tile-value">(\d+)% → (\d+)%<\/div>/,
    );
    expect(tile).not.toBeNull();
    expect(html).toMatch(/<li>P\(ILSTC ≥ 270,000 TEU in 2025\): baseline \d+% → second train \d+%/);
    expect(html).toContain('<caption>Targets over the same futures');
  }, 180_000);
});

describe('comparison KPI formats', () => {
  it('orders KPIs by meaning and corridor', () => {
    const names = [
      'cost/ILSTC',
      'days/Yangtze/mean',
      'teu/Yangtze',
      'co2eKgWtw',
      'teu/ILSTC/rail-sea',
      'teu/ILSTC',
      'teu/ILSTC/2025',
    ];
    expect(comparisonKpiOrder(names).map((k) => k.name)).toEqual([
      'teu/ILSTC',
      'teu/ILSTC/rail-sea',
      'teu/Yangtze',
      'days/Yangtze/mean',
      'cost/ILSTC',
      'co2eKgWtw',
    ]);
  });

  it('writes differences with their sign and without -0', () => {
    const [teu, days] = comparisonKpiOrder(['teu/ILSTC', 'days/ILSTC/mean']);
    if (!teu || !days) throw new Error('missing');
    expect(formatKpiDifference(teu, 214_104.5)).toBe('+214,105');
    expect(formatKpiDifference(days, -0.001)).toBe('0.00');
    expect(
      formatDifferenceCell(days, {
        mean: -0.001,
        ci95: [-0.004, 0.002],
        halfWidth95: 0.003,
        independentHalfWidth95: 0.01,
        relative: 0,
        significant: false,
      }),
    ).toBe('0.00 (0.00 to 0.00) n.s.');
    expect(
      formatDifferenceCell(teu, {
        mean: 0,
        ci95: [0, 0],
        halfWidth95: 0,
        independentHalfWidth95: 10,
        relative: 0,
        significant: false,
      }),
    ).toBe('no change');
  });

  it('writes no ± 0.0', () => {
    expect(formatPlusMinus(12.1, 0.01, 1)).toBe('12.1 ± <0.1');
    expect(formatPlusMinus(800, 0)).toBe('800');
    expect(formatPlusMinus(5.6, 0.44, 1)).toBe('5.6 ± 0.4');
  });
});
