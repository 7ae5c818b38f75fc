import { describe, expect, it } from 'vitest';
import { ilstcChongqingSeries } from '../../src/data/history.js';
import { rollingBacktest } from '../../src/experiment/backtest.js';
import { backtestChartData, backtestChartSvg, backtestScoreTable } from '../../src/report/charts/backtest-chart.js';
import { checkWellFormed } from './xml.js';

describe('back-test chart and table', () => {
  const result = rollingBacktest(ilstcChongqingSeries(), { origins: { from: 2021 } });

  it('draws every model’s forecast of every held-out year it could fit, beside the observation', () => {
    const data = backtestChartData(result);
    expect(data.years).toEqual([2021, 2022, 2023, 2024]);
    expect(data.observed).toEqual([112_000, 148_000, 178_600, 251_800]);
    const svg = backtestChartSvg(data);
    checkWellFormed(svg);
    const forecasts = svg.match(/class="forecast"/g)?.length ?? 0;
    expect(forecasts).toBe(result.models.reduce((a, m) => a + m.scored, 0));
    expect(svg.match(/class="observed"/g)?.length).toBe(4);
    expect(svg).toContain('rw-drift (naive): MAPE 9.6%');
  });

  it('the score table compares every model with the best naive baseline', () => {
    const table = backtestScoreTable(result);
    const auto = table.rows.find((r) => r[0] === 'auto')!;
    expect(auto.slice(1)).toEqual(['4', '11.4%', '2/4', '4/4', '±11.7%', '3.83%', 'worse']);
    expect(table.rows.find((r) => r[0] === 'damped')![7]).toBe('beats it (7.7% vs 11.2% on 2022, 2023, 2024)');
    expect(table.rows.find((r) => r[0] === 'rw-drift (naive)')![7]).toBe('best naive');
    expect(table.caption).toMatch(/leaving out 2017 \(ramp-up/);
  });
});
