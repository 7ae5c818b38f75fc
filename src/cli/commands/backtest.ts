/**
 * `corridor-sim backtest`: rolling-origin back-test of the growth models on an observed series, as a table (or
 * JSON), beside the naive baselines, and the model `auto` would use for the next year, with why.
 *
 * The logic lives here; the command table wires it with `{ help: BACKTEST_HELP, run: backtestCommand }`.
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import { chongqingHistories } from '../../data/history.js';
import { chongqingScenario } from '../../data/index.js';
import {
  BACKTEST_MODELS,
  type BacktestModel,
  fitGrowthModel,
  fitWindow,
  type RollingBacktest,
  rollingBacktest,
} from '../../experiment/backtest.js';
import { GROWTH_MODELS } from '../../experiment/growth-models.js';
import { loadScenario } from '../../experiment/scenario-file.js';
import { backtestChartData, backtestChartSvg, backtestScoreTable } from '../../report/charts/backtest-chart.js';
import type { ObservedSeries } from '../../scenario/types.js';
import { parseInteger, parseOptions, UsageError } from '../args.js';
import { num, table } from '../format.js';
import type { CliIo } from '../io.js';

/** Help text of the command. */
export const BACKTEST_HELP = `corridor-sim backtest [scenario.json] [options]

Back-tests the growth models on an observed series: each held-out year is forecast from the years before it only,
and every model is scored (MAPE of the median, years inside the 80% and 95% intervals, interval width, pinball loss)
beside the naive baselines (random walk with drift, last year's growth repeated). Then fits "auto" to the whole
series and says which models it weights and why.

  --series ID          the series (default: the first of the scenario's history, e.g. ilstc-chongqing); the
                       bundled series are always available (cr-express-chongqing-derived)
  --from YEAR          first held-out year (default: the first with 3 years before it)
  --to YEAR            last held-out year (default: the last observed)
  --fit-from YEAR      first year of every fit window (default: after the series' ramp-up years)
  --models LIST        comma-separated models (default: ${BACKTEST_MODELS.join(',')}); baselines are always added
  --capacity K         capacity or market size of the saturating model (default: estimated)
  --svg FILE           also write the back-test chart to FILE
  --json               print machine-readable JSON on stdout instead of tables
  -h, --help           this help`;

/** The command's options (for `parseOptions`). */
export const BACKTEST_OPTIONS = {
  series: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'fit-from': { type: 'string' },
  models: { type: 'string' },
  capacity: { type: 'string' },
  svg: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Parsed arguments of the command. */
export interface BacktestArgs {
  values: {
    series?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    'fit-from'?: string | undefined;
    models?: string | undefined;
    capacity?: string | undefined;
    svg?: string | undefined;
    json?: boolean | undefined;
  };
  positionals: string[];
}

/** Parses `args` and runs the command. */
export async function backtestCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseOptions({ args, allowPositionals: true, options: BACKTEST_OPTIONS });
  await runBacktestCommand({ values, positionals }, io);
}

/** Runs the command on parsed arguments. */
export async function runBacktestCommand({ values, positionals }: BacktestArgs, io: CliIo): Promise<void> {
  if (positionals.length > 1) throw new UsageError(`expected at most one scenario file, got ${positionals.length}`);
  const scenario = positionals[0] === undefined ? chongqingScenario() : loadScenario(positionals[0]);
  const available = new Map<string, ObservedSeries>();
  for (const s of [...scenario.history, ...chongqingHistories()]) if (!available.has(s.id)) available.set(s.id, s);
  const id = values.series ?? scenario.history[0]?.id ?? 'ilstc-chongqing';
  const series = available.get(id);
  if (!series) {
    throw new UsageError(`--series: "${id}" is not one of ${[...available.keys()].map((k) => `"${k}"`).join(', ')}`);
  }
  const models = (values.models?.split(',').map((m) => m.trim()) ?? [...BACKTEST_MODELS]) as BacktestModel[];
  const known: readonly string[] = [...GROWTH_MODELS, 'auto'];
  for (const m of models) {
    if (!known.includes(m)) throw new UsageError(`--models: "${m}" is not one of ${known.join(', ')}`);
  }
  let capacity: number | undefined;
  if (values.capacity !== undefined) {
    capacity = Number(values.capacity);
    if (values.capacity.trim() === '' || !(capacity > 0 && Number.isFinite(capacity))) {
      throw new UsageError(`--capacity: "${values.capacity}" is not a number > 0`);
    }
  }
  const years = series.points.map((p) => p.year);
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? 0;
  const fitFrom =
    values['fit-from'] === undefined ? undefined : parseInteger('fit-from', values['fit-from'], first, first, last);
  const window = fitWindow(series, fitFrom);
  const defaultFrom = window.points[3]?.year ?? last;
  const from = parseInteger('from', values.from, defaultFrom, window.fromYear + 1, last);
  const to = parseInteger('to', values.to, last, from, last);
  const result = rollingBacktest(series, {
    models,
    origins: { from, to },
    ...(fitFrom !== undefined ? { fromYear: fitFrom } : {}),
    ...(capacity !== undefined ? { capacity } : {}),
  });
  const next = fitGrowthModel('auto', { id: series.id, points: window.points }, capacity ? { capacity } : {});
  if (values.svg !== undefined) writeFileSync(values.svg, backtestChartSvg(backtestChartData(result)));
  if (values.json) {
    io.out(
      JSON.stringify({
        kind: 'backtest',
        ...result,
        next: { year: next.throughYear + 1, weights: next.auto?.weights, reason: next.auto?.reason },
      }),
    );
    return;
  }
  printBacktest(io, result, series);
  const f = next.forecast(next.throughYear + 1);
  io.out(
    `\nauto for ${f.year}, fitted ${next.fromYear}–${next.throughYear}: median ${num(f.median)}, ` +
      `80% ${num(f.interval80[0])}–${num(f.interval80[1])}, 95% ${num(f.interval95[0])}–${num(f.interval95[1])}`,
  );
  io.out(`  ${next.notes.join('\n  ')}`);
  if (values.svg !== undefined) io.out(`\nChart written to ${values.svg}`);
}

function printBacktest(io: CliIo, result: RollingBacktest, series: ObservedSeries): void {
  const excluded = result.excluded.map((e) => `${e.year} (${e.reason})`).join('; ');
  io.out(
    `${series.id} (${series.unit}): one-year-ahead back-test of ${result.origins.join(', ')}; fits start in ` +
      `${result.fromYear}${excluded ? `, leaving out ${excluded}` : ''}\n`,
  );
  const scores = backtestScoreTable(result);
  io.out(table(scores.header, scores.rows));
  io.out(
    'MAPE: mean absolute % error of the median; in: held-out years inside the interval; width: half-width as % of ' +
      'the median; pinball: mean pinball loss over τ = 0.05…0.95 as % of the observed (a proper score, lower is better)\n',
  );
  const header = ['model', ...result.origins.map(String)];
  const rows = result.models.map((m) => [
    m.model,
    ...result.origins.map((year) => {
      const f = m.forecasts.find((x) => x.year === year);
      if (!f) return 'n/a';
      const sign = f.relativeError >= 0 ? '+' : '';
      return `${sign}${num(f.relativeError * 100, 1)}%${f.inside80 ? '' : f.inside95 ? ' *' : ' **'}`;
    }),
  ]);
  io.out(table(header, rows));
  io.out('Error of the median; *: outside the 80% interval, **: outside the 95% interval');
}
