import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../src/index.js';
import { lineScenario } from '../model/fixtures.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-compare-project-'));

function lineFile(name: string, capacityTeu: number): string {
  const scenario: ScenarioSpec = { ...lineScenario({ teuPerYear: 4000, capacityTeu }), name };
  scenario.demand.growthPerYear = 0.08;
  scenario.targets = [{ id: 't', corridor: 'ILSTC', year: 2025, teu: 4200 }];
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

describe('corridor-sim compare --project', () => {
  const base = lineFile('small-train', 11);
  const bigger = lineFile('bigger-train', 20);
  const run = [
    '--project',
    '--from',
    '2025',
    '--replications',
    '6',
    '--workers',
    '0',
    '--quiet',
    '--growth-sd',
    '0.05',
  ];

  it('prints P(met) in base and variant with the paired difference, then the paired KPI table', async () => {
    const r = await cli('compare', base, bigger, ...run);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/P\(ILSTC ≥ 4,200 TEU in 2025\): small-train 0% → bigger-train \d+%, \+\d+ points \(95% CI/);
    expect(r.out).toContain('McNemar p =');
    expect(r.out).toContain('teu/ILSTC');
  });

  it('gives JSON with each year as a comparison and the target differences', async () => {
    const r = await cli('compare', base, bigger, ...run, '--json');
    const json = JSON.parse(r.out) as {
      kind: string;
      years: { year: number; targets: Record<string, { probability: { pA: number; n: number } }[]> }[];
    };
    expect(json.kind).toBe('projected-comparison');
    expect(json.years[0]?.year).toBe(2025);
    expect(json.years[0]?.targets['bigger-train']?.[0]?.probability).toMatchObject({ pA: 0, n: 6 });
  });

  it('refuses options of the other mode', async () => {
    const mixed = await cli('compare', base, bigger, ...run, '--years', '2');
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('--start and --years do not apply with --project');
    const plain = await cli('compare', base, bigger, '--from', '2025');
    expect(plain.code).toBe(2);
    expect(plain.err).toContain('--from applies only with --project');
  });
});
