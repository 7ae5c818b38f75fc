import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestCommand } from '../../src/cli/commands/backtest.js';

async function run(...args: string[]) {
  const out: string[] = [];
  await backtestCommand(args, { out: (t) => out.push(t), err: () => {}, quietProgress: true });
  return out.join('\n');
}

describe('corridor-sim backtest', () => {
  it('prints every model’s scores beside the baselines, the errors by year, and what auto uses next', async () => {
    const out = await run();
    expect(out).toMatch(
      /^ilstc-chongqing \(TEU\): one-year-ahead back-test of 2021, 2022, 2023, 2024; fits start in 2018/,
    );
    expect(out).toMatch(/rw-drift \(naive\)\s+4\s+9\.6%/);
    expect(out).toMatch(/log-linear\s+-4\.9% \*\s+\+10\.7% \*\s+\+25\.5% \*\*\s+\+11\.3%/);
    expect(out).toMatch(/auto for 2025, fitted 2018–2024: median/);
  });

  it('writes JSON and the chart on request, and rejects unknown series and models', async () => {
    const svg = join(mkdtempSync(join(tmpdir(), 'corridor-sim-bt-')), 'bt.svg');
    const json = JSON.parse(await run('--json', '--svg', svg, '--models', 'damped', '--from', '2023'));
    expect(json.kind).toBe('backtest');
    expect(json.origins).toEqual([2023, 2024]);
    expect(json.models.map((m: { model: string }) => m.model)).toEqual(['damped', 'rw-drift', 'last-growth']);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg/);
    await expect(run('--series', 'nope')).rejects.toThrow(/--series: "nope" is not one of "ilstc-chongqing"/);
    await expect(run('--models', 'cubic')).rejects.toThrow(/--models: "cubic" is not one of/);
  });
});
