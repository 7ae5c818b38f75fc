/**
 * Forecast benchmarks (issue 10): the rolling-origin back-test of every growth model (and `auto`, which runs its own
 * inner back-tests at each origin) over every origin of the bundled ILSTC history, against the 2 s budget; and one
 * `auto` fit with its 2025 forecast.
 * `npm run bench -- forecast`, or `npx tsc -p tsconfig.bench.json && node dist-bench/bench/forecast.bench.js`.
 */
import { ilstcChongqingSeries } from '../src/data/history.js';
import { BACKTEST_MODELS, fitGrowthModel, fitWindow, rollingBacktest } from '../src/experiment/backtest.js';
import type { BenchResult } from './types.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function runForecastBench(repeats = 7): Promise<BenchResult[]> {
  const series = ilstcChongqingSeries();
  rollingBacktest(series); // warm-up
  const backtestMs: number[] = [];
  let origins = 0;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const result = rollingBacktest(series, { models: BACKTEST_MODELS });
    backtestMs.push(performance.now() - t0);
    origins = result.origins.length;
  }
  const window = fitWindow(series);
  const autoMs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const fitted = fitGrowthModel('auto', { id: series.id, points: window.points });
    const f = fitted.forecast(2025);
    if (!(f.interval95[0] < f.median)) throw new Error('auto forecast is not an interval');
    autoMs.push(performance.now() - t0);
  }
  const budget = median(backtestMs) <= 2000 ? 'within the 2 s budget' : 'OVER the 2 s budget';
  return [
    {
      name: `backtest: ${BACKTEST_MODELS.length} models × ${origins} origins, ILSTC`,
      value: median(backtestMs),
      unit: 'ms',
      note: `median of ${repeats}; ${budget}`,
    },
    {
      name: 'auto: fit on 2018–2024 and forecast 2025',
      value: median(autoMs),
      unit: 'ms',
      note: `median of ${repeats}`,
    },
  ];
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  for (const r of await runForecastBench()) console.log(`${r.name}: ${r.value.toPrecision(4)} ${r.unit} (${r.note})`);
}
