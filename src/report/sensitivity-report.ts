/**
 * The report of a sensitivity analysis: `index.html` (headlines, a tornado chart and an index chart per output,
 * tables), the charts as SVG files, `indices.csv` (every index with its interval and the noise) and
 * `summary.json` (the whole result). Written like every report: atomically, never over files that are not a
 * corridor-sim report's.
 *
 * @module
 */
import type { OutputSensitivity, SensitivityResult } from '../experiment/sensitivity/analyse.js';
import { VERSION } from '../version.js';
import { sensitivityIndexChartSvg } from './charts/sensitivity-index-chart.js';
import { tornadoChartSvg, tornadoData } from './charts/tornado-chart.js';
import { toCsv } from './csv.js';
import { type HtmlSection, type HtmlTable, htmlPage } from './html.js';
import { formatCompact } from './scale.js';
import { type ReportFile, type WrittenReport, writeReportFiles } from './write.js';

const CSV_HEADER = [
  'method',
  'output',
  'input',
  'mu',
  'mu_star',
  'mu_star_ci95_low',
  'mu_star_ci95_high',
  'sigma',
  'above_noise',
  'first_order',
  'first_order_ci95_low',
  'first_order_ci95_high',
  'total',
  'total_ci95_low',
  'total_ci95_high',
  'noise_point_variance',
  'noise_share',
  'noise_effect_sd',
];

/** Every index of every output, one row per (output, input), with its interval and the output's noise. */
export function sensitivityIndicesCsv(result: SensitivityResult): string {
  const rows = result.outputs.flatMap((o) => {
    const noise = [o.noise.pointVariance, o.noise.share, o.noise.effectSd];
    if (o.morris) {
      return o.morris.map((r) => [
        'morris',
        o.output,
        r.input,
        r.mu,
        r.muStar,
        r.muStarCi[0],
        r.muStarCi[1],
        r.sigma,
        r.aboveNoise,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        ...noise,
      ]);
    }
    return (o.sobol?.indices ?? []).map((r) => [
      'sobol',
      o.output,
      r.input,
      ...Array.from({ length: 6 }, () => undefined),
      r.first,
      r.firstCi[0],
      r.firstCi[1],
      r.total,
      r.totalCi[0],
      r.totalCi[1],
      ...noise,
    ]);
  });
  return toCsv(CSV_HEADER, rows);
}

const fixed = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : '—');
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—');

/** The table of one output's indices, as the CLI and the page show it. */
export function sensitivityTable(o: OutputSensitivity): HtmlTable {
  if (o.morris) {
    return {
      caption: `${o.output}: Morris indices (effects per each input's whole range)`,
      header: ['input', 'μ*', 'μ* 95% interval', 'μ', 'σ', 'above noise'],
      rows: o.morris.map((r) => [
        r.label,
        formatCompact(r.muStar),
        `${formatCompact(r.muStarCi[0])}–${formatCompact(r.muStarCi[1])}`,
        formatCompact(r.mu),
        formatCompact(r.sigma),
        r.aboveNoise ? 'yes' : 'no',
      ]),
    };
  }
  return {
    caption: `${o.output}: Sobol indices`,
    header: ['input', 'first order', '95% interval', 'total', '95% interval'],
    rows: (o.sobol?.indices ?? []).map((r) => [
      r.label,
      fixed(r.first),
      `${fixed(r.firstCi[0])}–${fixed(r.firstCi[1])}`,
      fixed(r.total),
      `${fixed(r.totalCi[0])}–${fixed(r.totalCi[1])}`,
    ]),
  };
}

/** One line on the noise of an output. */
export function noiseLine(o: OutputSensitivity): string {
  const effect =
    o.noise.effectSd !== undefined ? `; noise of one elementary effect: sd ${formatCompact(o.noise.effectSd)}` : '';
  return `${o.output}: noise share ${pct(o.noise.share)} of the variance between points (a point's noise variance ${formatCompact(o.noise.pointVariance)}, the points' variance ${formatCompact(o.noise.outputVariance)})${effect}`;
}

/**
 * The files of the report of a sensitivity analysis, in memory: `index.html`, `indices.csv`, `summary.json` and per
 * output `tornado-<n>.svg` and `indices-<n>.svg`.
 *
 * @example
 * ```ts
 * import { loadSensitivityInput, sensitivity } from 'corridor-sim';
 * import { buildSensitivityReport } from 'corridor-sim/report';
 *
 * const result = await sensitivity(loadSensitivityInput('examples/sensitivity-ilstc-2025.json'));
 * const files = buildSensitivityReport(result);
 * files.find((file) => file.name === 'indices.csv')?.content; // every index with its interval, nothing written
 * ```
 */
export function buildSensitivityReport(result: SensitivityResult): ReportFile[] {
  const files: ReportFile[] = [];
  const sections: HtmlSection[] = result.outputs.map((o, k) => {
    const tornado = tornadoChartSvg(tornadoData(o), { id: `tornado-${k + 1}` });
    const index = sensitivityIndexChartSvg(o, { id: `indices-${k + 1}` });
    files.push({ name: `tornado-${k + 1}.svg`, content: tornado }, { name: `indices-${k + 1}.svg`, content: index });
    return {
      id: `output-${k + 1}`,
      heading: o.output,
      intro: [noiseLine(o)],
      figures: [tornado, index],
      tables: [sensitivityTable(o)],
    };
  });
  const headlines = result.outputs.map((o) => {
    const top = o.morris
      ? o.morris
          .filter((r) => r.aboveNoise)
          .slice(0, 3)
          .map((r) => r.label)
      : [...(o.sobol?.indices ?? [])]
          .sort((a, b) => b.total - a.total)
          .slice(0, 3)
          .map((r) => r.label);
    return `${o.output}: ${top.length > 0 ? `most influential ${top.join(', ')}` : 'no input stands out from the noise'}`;
  });
  const page = htmlPage({
    title: result.name,
    meta: [
      `Scenario: ${result.scenario} · year ${result.year} · ${result.method} · ${result.design.points} points × ${result.futures} futures = ${result.runs} runs · seed ${result.seed}`,
      `corridor-sim ${VERSION}`,
    ],
    headlines,
    sections: [
      ...sections,
      {
        id: 'inputs',
        heading: 'Inputs',
        tables: [
          {
            header: ['input', 'distribution', 'range'],
            rows: result.inputs.map((i) => [
              i.label,
              JSON.stringify(i.distribution),
              `${formatCompact(i.range[0])}–${formatCompact(i.range[1])}`,
            ]),
          },
        ],
      },
    ],
    downloads: [
      { name: 'indices.csv', description: 'every index with its 95% interval and the noise of its output' },
      { name: 'summary.json', description: 'the whole result' },
      ...files.map((f) => ({ name: f.name, description: 'chart' })),
    ],
    footer: result.notes,
  });
  return [
    { name: 'index.html', content: page },
    { name: 'indices.csv', content: sensitivityIndicesCsv(result) },
    {
      name: 'summary.json',
      content: `${JSON.stringify({ generator: 'corridor-sim', version: VERSION, kind: 'sensitivity', result }, null, 1)}\n`,
    },
    ...files,
  ];
}

/**
 * Writes the report of a sensitivity analysis to `dir` ({@link buildSensitivityReport}'s files), atomically and, like
 * `writeReport`, never over files that are not a corridor-sim report's.
 *
 * @example
 * ```ts
 * import { loadSensitivityInput, sensitivity } from 'corridor-sim';
 * import { writeSensitivityReport } from 'corridor-sim/report';
 *
 * const result = await sensitivity(loadSensitivityInput('examples/sensitivity-ilstc-2025.json'), { method: 'morris' });
 * const written = writeSensitivityReport('out/sensitivity-2025', result);
 * written.files; // index.html, tornado and index charts, indices.csv, summary.json
 * ```
 */
export function writeSensitivityReport(dir: string, result: SensitivityResult): WrittenReport {
  return writeReportFiles(dir, buildSensitivityReport(result));
}
