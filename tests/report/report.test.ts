/**
 * Whole reports: the files each kind writes, byte-identical for the same input, with pages that state the answer.
 */
import { describe, expect, it } from 'vitest';
import { buildNetwork } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { kpiLabel } from '../../src/report/report.js';
import { formatNumber } from '../../src/report/scale.js';
import { odTransitTable } from '../../src/report/sections.js';
import { bundledComparison, bundledProjection, bundledSummary, scenario } from './fixtures.js';
import { checkWellFormed } from './xml.js';

const byName = (files: { name: string; content: string }[]) => new Map(files.map((f) => [f.name, f.content]));

describe('buildReport', () => {
  it('a projection report answers the target question and holds every chart, table and the map', async () => {
    const projection = await bundledProjection();
    const files = buildReport({ kind: 'projection', scenario, projection, settings: { seed: 'report' } });
    const f = byName(files);
    expect([...f.keys()]).toEqual([
      'index.html',
      'fan-chart.svg',
      'projection-volumes.csv',
      'projection-targets.csv',
      'monthly-teu.svg',
      'transit-times.svg',
      'corridor-map.svg',
      'emissions.svg',
      'utilisation-by-month.svg',
      'emissions.csv',
      'volumes-by-corridor-month.csv',
      'corridors.csv',
      'transit-by-od.csv',
      'service-load-factors.csv',
      'kpis.csv',
      'summary.json',
    ]);
    const html = f.get('index.html') as string;
    checkWellFormed(html, { html: true });
    const t = projection.years[0]!.targets[0]!;
    expect(html).toContain(`Will ILSTC reach 270,000 TEU in 2025? Probability ${Math.round(t.probability * 100)}%`);
    // The growth assumption is stated with the answer and on the fan chart.
    expect(html).toMatch(/assuming ILSTC demand trend \+20%\/yr \(the scenario&#39;s estimate\)/);
    expect(f.get('fan-chart.svg')).toContain('Assuming ILSTC demand trend +20%/yr');
    // Every market's spreads are attributed (the ILSTC's own history; the others borrow it).
    expect(html).toContain('ILSTC: calibrated from ilstc-chongqing');
    expect(html).toMatch(/CR-Express, Northern, Yangtze: borrowed from ilstc-chongqing/);
    for (const id of ['fan-chart', 'monthly-teu', 'transit-times', 'corridor-map'])
      expect(html).toContain(`id="${id}"`);
    for (const name of f.keys()) if (name !== 'index.html') expect(html).toContain(`href="${name}"`);
    for (const [name, content] of f) if (name.endsWith('.svg')) checkWellFormed(content);
    const summary = JSON.parse(f.get('summary.json') as string);
    expect(summary).toMatchObject({ generator: 'corridor-sim', kind: 'projection', settings: { seed: 'report' } });
    expect(summary.result.years[0].targets[0].probability).toBe(t.probability);
    const targets = (f.get('projection-targets.csv') as string).split('\r\n');
    expect(targets[0]).toMatch(/^\uFEFFtarget,corridor,year,target_teu,teu_mean/);
    expect(targets[1]).toMatch(/^ilstc-2025,ILSTC,2025,270000,/);
  });

  it('is byte-identical for the same input', async () => {
    const projection = await bundledProjection();
    const input = { kind: 'projection', scenario, projection, settings: { seed: 1 } } as const;
    expect(buildReport(input)).toEqual(buildReport(input));
  });

  it('a replications report has the corridor table and the bottlenecks; CSVs match the summary', async () => {
    const summary = await bundledSummary();
    const files = byName(
      buildReport({ kind: 'replications', scenario, summary, period: '2025 Q1', settings: { replications: 2 } }),
    );
    const html = files.get('index.html') as string;
    checkWellFormed(html, { html: true });
    expect(html).toContain('Where is the bottleneck?');
    expect(html).toContain('Fullest services');
    const corridors = (files.get('corridors.csv') as string).trim().split('\r\n');
    const ilstc = corridors.find((l) => l.startsWith('ILSTC,'))!.split(',');
    expect(Number(ilstc[1])).toBeCloseTo(summary.kpis['teu/ILSTC']!.mean, 3);
    const months = (files.get('volumes-by-corridor-month.csv') as string).trim().split('\r\n');
    const jan = months.filter((l) => l.startsWith('ILSTC,2025-01,'));
    const all = Number(jan.find((l) => l.includes(',all,'))!.split(',')[3]);
    const parts = jan.filter((l) => !l.includes(',all,')).map((l) => Number(l.split(',')[3]));
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(all, 2);
    const od = (files.get('transit-by-od.csv') as string).split('\r\n');
    expect(od.some((l) => l.startsWith('cq-singapore-export,') && l.includes(',ILSTC/rail-sea,'))).toBe(true);
  });

  it('ranks every kind of wait on its own: the lock and the gauge-change borders appear, with their waits on the map', async () => {
    const summary = await bundledSummary();
    const files = byName(
      buildReport({ kind: 'replications', scenario, summary, period: '2025 Q1', settings: { replications: 2 } }),
    );
    const html = files.get('index.html') as string;
    const table = html.slice(html.indexOf('The longest mean waits of each kind'));
    const rows = [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
      [...(m[1] as string).matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gs)].map((c) => c[1]),
    );
    // Each kind's first row names it; the hubs under it are that kind's worst, longest first.
    const kindOf = (hub: string) => {
      const i = rows.findIndex((r) => r[1]?.startsWith(hub));
      expect(i, hub).toBeGreaterThan(0);
      let k = i;
      while (rows[k]![0] === '') k--;
      return rows[k]![0];
    };
    expect(kindOf('Three Gorges')).toContain('at the lock');
    expect(kindOf('Małaszewicze')).toContain('gauge-change track');
    const lockHours = summary.kpis['wait/three-gorges-locks/lock']!.mean;
    expect(lockHours).toBeGreaterThan(0);
    const lockRow = rows.find((r) => r[1]?.startsWith('Three Gorges'))!;
    expect(Number(lockRow[2]!.split(' ± ')[0])).toBeCloseTo(lockHours, 1);
    // Within a kind, longest first.
    const first = rows.findIndex((r) => r[0]?.includes('gauge-change'));
    let end = first + 1;
    while (end < rows.length && rows[end]![0] === '') end++;
    const gaugeHours = rows.slice(first, end).map((r) => Number(r[2]!.split(' ± ')[0]));
    expect(gaugeHours.length).toBeGreaterThan(1);
    expect(gaugeHours).toEqual([...gaugeHours].sort((a, b) => b - a));
    // The map's tooltip at the locks shows the wait there, not only "0 TEU handled".
    const map = files.get('corridor-map.svg') as string;
    const lock = map.slice(map.indexOf('data-hub="three-gorges-locks"'));
    expect(lock.slice(0, lock.indexOf('</title>'))).toMatch(/mean wait [\d.]+ h at the lock \(per vessel\)/);
  });

  it('splits door-to-door days by destination: a near port and a far one on the same corridor differ', async () => {
    const summary = await bundledSummary();
    const network = buildNetwork(scenario);
    const table = odTransitTable(summary, network);
    expect(table.rows.length).toBeGreaterThan(0);
    const days = (destination: string) => {
      const flow = scenario.demand.flows.find(
        (f) => f.origin === 'chongqing-tuanjiecun' && f.destination === destination,
      )!;
      return summary.kpis[`flow/${flow.id}/via/ILSTC/rail-sea/days/mean`]!.mean;
    };
    const pooled = summary.kpis['days/ILSTC/rail-sea/mean']!.mean;
    // Qinzhou itself is a rail leg away; Singapore adds the sea leg: the pooled corridor mean lies between them.
    expect(days('qinzhou')).toBeLessThan(pooled);
    expect(days('singapore')).toBeGreaterThan(pooled);
    const html = buildReport({ kind: 'replications', scenario, summary, period: '2025 Q1', settings: {} }).find(
      (f) => f.name === 'index.html',
    )!.content;
    expect(html).toContain('biggest flows, by the corridor each booking took');
    const qinzhou = table.rows.find((r) => r[0] === 'Chongqing Tuanjiecun → Qinzhou port')!;
    expect(qinzhou[2]).toBe('ILSTC/rail-sea');
    expect(qinzhou[3]!.startsWith(`${formatNumber(days('qinzhou'), 1)} ± `)).toBe(true);
  });

  it('one replication: no interval is written as Infinity, in the page or the tables', async () => {
    const two = await bundledSummary();
    // The same results as if from one replication: every 95% interval undefined.
    const kpis = Object.fromEntries(
      Object.entries(two.kpis).map(([k, v]) => [
        k,
        {
          ...v,
          n: 1,
          halfWidth95: Number.POSITIVE_INFINITY,
          ci95: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY],
        },
      ]),
    );
    const files = buildReport({
      kind: 'replications',
      scenario,
      summary: { ...two, replications: 1, kpis } as typeof two,
      period: '2025 Q1',
      settings: { replications: 1 },
    });
    for (const f of files) expect(f.content, f.name).not.toContain('Infinity');
    expect(byName(files).get('index.html')).toMatch(/<td class="num">\d+\.\d% <\/td>|<td class="num">\d+\.\d%<\/td>/);
  });

  it('a run that does not span the target year does not judge the target', async () => {
    const summary = await bundledSummary(); // a quarter of 2025
    const html = buildReport({ kind: 'replications', scenario, summary, period: '2025 Q1', settings: {} })[0]!.content;
    expect(html).toContain('ILSTC 2025 ≥ 270,000 TEU: not judged (the run does not span all of 2025).');
  });

  it('names KPIs in words with their units', () => {
    expect(kpiLabel('teu/ILSTC/rail-sea/2025')).toEqual({ label: 'ILSTC/rail-sea TEU in 2025', unit: 'TEU' });
    expect(kpiLabel('teu/CR-Express')).toEqual({ label: 'CR-Express TEU', unit: 'TEU' });
    expect(kpiLabel('target/ilstc-2025/teu')).toEqual({ label: 'TEU toward target ilstc-2025', unit: 'TEU' });
    expect(kpiLabel('days/Yangtze/p95')).toEqual({ label: 'Yangtze door-to-door days (p95)', unit: 'days' });
    expect(kpiLabel('wait/qinzhou/departure').label).toBe('wait/qinzhou/departure');
  });

  it('a comparison report ranks the variants and draws the paired differences', async () => {
    const comparison = await bundledComparison();
    const files = byName(buildReport({ kind: 'comparison', base: scenario, comparison, settings: {} }));
    const html = files.get('index.html') as string;
    checkWellFormed(html, { html: true });
    expect(html).toContain('id="comparison"');
    expect(html).toContain('Ranking by TEU toward target ilstc-2025');
    expect(html).toMatch(
      /Best by TEU toward target ilstc-2025: Jakarta feeder 2,000 TEU, [+-]?[\d,.]+ TEU against baseline/,
    );
    expect(html).toContain('Jakarta feeder 2,000 TEU');
    const csv = (files.get('comparison.csv') as string).split('\r\n');
    expect(csv[0]).toMatch(/^\uFEFFvariant,kpi,base_mean,variant_mean,difference_mean/);
    expect(csv.length).toBeGreaterThan(100);
  });
});
