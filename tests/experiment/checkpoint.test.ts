/**
 * Checkpoints of long experiments through the public API: an optimisation or a sensitivity analysis stopped at any
 * point resumes from its checkpoint file with the same answer as an uninterrupted run; a file of another experiment,
 * or one that is not a checkpoint, is refused and left untouched.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evaluateSensitivity,
  loadOptimization,
  type OptimizationResult,
  optimize,
  parseSensitivityInput,
  sensitivity,
} from '../../src/index.js';
import type { ScenarioSpec } from '../../src/scenario/types.js';
import { twoRouteScenario } from '../model/fixtures.js';
import { file } from './optimize-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-checkpoint-'));
let n = 0;
const fresh = () => join(dir, `run-${++n}.jsonl`);

/** Everything that is the answer: not the wall clock, not how much came from the checkpoint. */
function answer(r: OptimizationResult) {
  const {
    wallSeconds: _w,
    outsideSimulationShare: _o,
    workers: _k,
    resumedYears: _r,
    skippedCheckpointLines: _s,
    ...budget
  } = r.budget;
  return { ...r, budget };
}

describe('optimize with a checkpoint file', () => {
  const problem = loadOptimization(file());
  let uninterrupted: OptimizationResult;
  let full: string;

  it('records every simulated (plan, replication) and changes nothing in the answer', async () => {
    uninterrupted = await optimize(problem, { workers: 0 });
    full = fresh();
    const recorded = await optimize(problem, { workers: 0, checkpoint: full });
    expect(answer(recorded)).toEqual(answer(uninterrupted));
    expect(recorded.budget.resumedYears).toBe(0);
    const lines = readFileSync(full, 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ format: 'corridor-sim-checkpoint', kind: 'optimize' });
    expect(lines).toHaveLength(1 + recorded.budget.simulatedYears);
  }, 300_000);

  it('a second run takes everything from the file and simulates nothing', async () => {
    const before = readFileSync(full, 'utf8');
    const resumed = await optimize(problem, { workers: 0, checkpoint: full });
    expect(answer(resumed)).toEqual(answer(uninterrupted));
    expect(resumed.budget.resumedYears).toBe(resumed.budget.simulatedYears);
    expect(readFileSync(full, 'utf8')).toBe(before);
  }, 300_000);

  it('a run stopped anywhere (even mid-line) resumes to the same answer', async () => {
    const text = readFileSync(full, 'utf8');
    const lines = text.trim().split('\n');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: lines.length - 1 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        async (kept, cut, workers) => {
          const path = fresh();
          const head = lines.slice(0, kept).join('\n');
          // Killed after `kept` lines, or halfway through writing the next one.
          const next = lines[kept] as string;
          writeFileSync(path, cut ? `${head}\n${next.slice(0, Math.floor(next.length / 2))}` : `${head}\n`);
          const resumed = await optimize(problem, { workers, checkpoint: path });
          expect(answer(resumed)).toEqual(answer(uninterrupted));
          expect(resumed.budget.resumedYears).toBe(kept - 1);
          expect(resumed.budget.skippedCheckpointLines).toBe(cut ? 1 : 0);
          // The file is whole again: every (plan, replication) once, readable, for the next resume.
          const again = await optimize(problem, { workers: 0, checkpoint: path });
          expect(again.budget.resumedYears).toBe(again.budget.simulatedYears);
          expect(answer(again)).toEqual(answer(uninterrupted));
        },
      ),
      { numRuns: 3, seed: 11 },
    );
  }, 600_000);

  it('refuses, and leaves untouched, a checkpoint of another problem or a file that is not a checkpoint', async () => {
    const other = loadOptimization(file({ seed: 8 }));
    const before = readFileSync(full, 'utf8');
    await expect(optimize(other, { workers: 0, checkpoint: full })).rejects.toThrow(
      /checkpoint.*is not this run's .*another input, seed or version; the file is left as it is/,
    );
    expect(readFileSync(full, 'utf8')).toBe(before);
    const notes = fresh();
    writeFileSync(notes, 'my notes\n');
    await expect(optimize(problem, { workers: 0, checkpoint: notes })).rejects.toThrow(
      new RegExp(`checkpoint: .*${notes.replaceAll('/', '\\/')}.*a corridor-sim optimize checkpoint file`),
    );
    expect(readFileSync(notes, 'utf8')).toBe('my notes\n');
  }, 300_000);
});

describe('sensitivity with a checkpoint file', () => {
  function scenario(): ScenarioSpec {
    const s = twoRouteScenario();
    s.targets = [{ id: 'c-2025', corridor: 'ILSTC', year: 2025, teu: 10_000 }];
    s.demand.flows = s.demand.flows.map((f) => ({ ...f, teuPerYear: 10_000 }));
    return s;
  }
  const plan = parseSensitivityInput(
    {
      name: 'two routes',
      year: 2025,
      seed: 3,
      futures: 2,
      inputs: [
        {
          id: 'rail-capacity',
          distribution: { type: 'uniform', min: 30, max: 90 },
          changes: [{ kind: 'setCapacity', service: 'rail-ac', capacityTeu: '$value' }],
        },
        {
          id: 'value-of-time',
          distribution: { type: 'loguniform', min: 2, max: 8 },
          changes: [{ kind: 'setRouteChoice', valueOfTimeUsdPerTeuHour: '$value' }],
        },
      ],
      outputs: ['target:c-2025', 'teu:ILSTC', 'doorToDoorMeanDays:ILSTC'],
      morris: { trajectories: 4 },
      bootstrap: 100,
    },
    { scenario: scenario() },
  );

  it('a stopped analysis resumes from its checkpoint to the same indices; another method is refused', async () => {
    const whole = await sensitivity(plan, { workers: 0 });
    const path = fresh();
    // Stopped after the first 5 of 12 points.
    const part = await evaluateSensitivity(plan, { workers: 0, first: 0, count: 5, checkpoint: path });
    expect(part.resumed).toBe(0);
    const resumed = await sensitivity(plan, { workers: 2, checkpoint: path });
    expect(resumed.timing.resumedPoints).toBe(5);
    expect(resumed.timing.wallMs).toBeUndefined();
    const strip = (r: typeof whole) => ({ ...r, timing: undefined });
    expect(strip(resumed)).toEqual(strip(whole));
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(1 + whole.design.points);
    await expect(sensitivity(plan, { workers: 0, method: 'sobol', checkpoint: path })).rejects.toThrow(
      /is not this run's/,
    );
  }, 300_000);

  it('an empty checkpoint path is a typed error naming the field', async () => {
    await expect(evaluateSensitivity(plan, { workers: 0, checkpoint: '' })).rejects.toThrow(
      /checkpoint: "" is not .*a file path/,
    );
  });
});
