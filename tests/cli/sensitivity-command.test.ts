/**
 * `corridor-sim sensitivity`: a small Morris run end to end (tables, CSV, report with tornado and index charts) and
 * its errors (bad input named by path, unknown method, an existing CSV not replaced).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveScenario } from '../../src/experiment/scenario-file.js';
import { twoRouteScenario } from '../model/fixtures.js';
import { cli } from './run-cli.js';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'sensitivity-cli-'));
  const scenario = twoRouteScenario();
  scenario.targets = [{ id: 'c-2025', corridor: 'ILSTC', year: 2025, teu: 10_000 }];
  saveScenario(scenario, join(dir, 'scenario.json'));
  const input = {
    name: 'two routes',
    scenario: 'scenario.json',
    year: 2025,
    futures: 2,
    projection: { logGrowthSd: 0.05, logTrendSd: 0.02 },
    inputs: [
      { id: 'growth', label: 'growth', distribution: { type: 'uniform', min: 0, max: 0.3 }, marketGrowth: 'ILSTC' },
      {
        id: 'rail-cost',
        label: 'rail cost (×)',
        distribution: { type: 'uniform', min: 0.8, max: 1.2 },
        changes: [{ kind: 'scaleCost', services: ['rail-ac'], factor: '$value' }],
      },
    ],
    outputs: ['target:c-2025', 'teu:ILSTC'],
    morris: { trajectories: 4 },
    bootstrap: 200,
  };
  writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
  return { dir, input };
}

describe('corridor-sim sensitivity', () => {
  it('prints Morris indices with noise, writes the CSV and a report with tornado and index charts', async () => {
    const { dir } = setup();
    const csv = join(dir, 'indices.csv');
    const out = join(dir, 'report');
    const r = await cli('sensitivity', join(dir, 'input.json'), '--workers', '0', '--csv', csv, '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/teu:ILSTC: Morris indices/);
    expect(r.out).toMatch(/μ\* 95% interval/);
    expect(r.out).toMatch(/noise share/);
    const text = readFileSync(csv, 'utf8');
    expect(text).toMatch(/^\uFEFFmethod,output,input,mu,mu_star/);
    expect(text.trim().split('\r\n')).toHaveLength(1 + 2 * 2);
    for (const f of ['index.html', 'indices.csv', 'summary.json', 'tornado-1.svg', 'indices-2.svg']) {
      expect(existsSync(join(out, f))).toBe(true);
    }
    expect(readFileSync(join(out, 'tornado-2.svg'), 'utf8')).toMatch(/What moves teu:ILSTC/);
    // The same run again refuses to replace the CSV, before running anything.
    const again = await cli('sensitivity', join(dir, 'input.json'), '--workers', '0', '--csv', csv);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/--csv: ".*indices.csv" exists/);
  });

  it('names the path and value of bad input, and an unknown method', async () => {
    const { dir, input } = setup();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...input, outputs: ['teu:Atlantis'] }));
    const r = await cli('sensitivity', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/outputs\[0\]: "teu:Atlantis" is not a corridor of the scenario/);
    const m = await cli('sensitivity', join(dir, 'input.json'), '--method', 'fast');
    expect(m.code).toBe(2);
    expect(m.err).toMatch(/--method: "fast" is not one of morris, sobol/);
  });
});
