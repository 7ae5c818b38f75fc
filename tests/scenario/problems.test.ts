/** Every problem of a scenario file at once, unknown keys named first, and the nearest valid id suggested. */

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_PROBLEMS, ScenarioError } from '../../src/errors.js';
import { BASE_SCENARIOS } from '../../src/experiment/scenario-file.js';
import { resolveScenarioFile } from '../../src/scenario/file.js';
import { editDistance, nearestNames } from '../../src/scenario/suggest.js';
import { cli } from '../cli/run-cli.js';

function scenarioError(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError, nothing was thrown');
}

const resolve = (file: unknown) => () => resolveScenarioFile(file, { bases: BASE_SCENARIOS });

describe('scenario files with several problems', () => {
  it('lists every schema problem, the misspelt key before the "required" it causes', () => {
    const error = scenarioError(
      resolve({
        extends: 'chongqing',
        changes: [
          { kind: 'setCapacity', service: 'ilstc-rail-sea-train', capacityTEU: 5 },
          { kind: 'scaleCost', factor: -1 },
          { kind: 'close', element: { kind: 'hub', id: 'qinzhou' }, start: '2025-13-01', end: '2025-02-01' },
        ],
      }),
    );
    expect(error.problems.map((p) => p.field)).toEqual([
      'changes[0].capacityTEU',
      'changes[0].capacityTeu',
      'changes[1].factor',
      'changes[2].start',
    ]);
    expect(error.message).toMatch(
      /^changes\[0\]\.capacityTEU: 5 is not allowed \(unknown key, did you mean "capacityTeu"\?/,
    );
    expect(error.field).toBe('changes[0].capacityTEU');
  });

  it('checks every change against the scenario, suggesting the nearest id', () => {
    const error = scenarioError(
      resolve({
        extends: 'chongqing',
        changes: [
          { kind: 'setCapacity', service: 'ilstc-feeder-tanjung-prok', capacityTeu: 2000 },
          { kind: 'close', element: { kind: 'hub', id: 'malaszewice' }, start: '2025-01-01', end: '2025-02-01' },
          { kind: 'setCapacity', service: 'tanjung-priok', capacityTeu: 2000 },
          { kind: 'scaleDemand', flows: ['no-such-flow-at-all-xyz'], factor: 2 },
        ],
      }),
    );
    expect(error.problems.map((p) => p.expected)).toEqual([
      'an existing service id; did you mean "ilstc-feeder-tanjung-priok"?',
      'an existing hub id; did you mean "malaszewicze"?',
      'an existing service id; did you mean one of "ilstc-feeder-tanjung-priok", "yangtze-sea-tanjung-priok"?',
      'an existing flow id',
    ]);
  });

  it(`stops listing at ${MAX_SCENARIO_PROBLEMS} problems`, () => {
    const changes = Array.from({ length: 50 }, () => ({ kind: 'scaleCost', factor: 0 }));
    expect(scenarioError(resolve({ extends: 'chongqing', changes })).problems).toHaveLength(MAX_SCENARIO_PROBLEMS);
  });

  it('the CLI prints every problem, one per line, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-problems-'));
    const path = join(dir, 'bad.json');
    const bad = { kind: 'close', element: { kind: 'hub', id: 'malaszewice' }, start: '2025-01-01', end: '2025-02-01' };
    writeFileSync(path, JSON.stringify({ extends: 'chongqing', changes: [{ kind: 'scaleCost', factor: -1 }, bad] }));
    const schemaStage = await cli('validate', path);
    expect(schemaStage.code).toBe(2);
    expect(schemaStage.err).toContain('changes[0].factor: -1 is not > 0');
    writeFileSync(path, JSON.stringify({ extends: 'chongqing', changes: [bad, { ...bad, start: '2025-03-01' }] }));
    const r = await cli('validate', path);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2 problems in the scenario:');
    expect(r.err).toContain(
      '  changes[1].element.id: "malaszewice" is not an existing hub id; did you mean "malaszewicze"?',
    );
  });
});

describe('nearestNames', () => {
  test.prop([fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })])(
    'edit distance is a symmetric metric',
    (a, b) => {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
      expect(editDistance(a, a)).toBe(0);
      expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
    },
  );

  test.prop([fc.uniqueArray(fc.stringMatching(/^[a-z]{3,10}(-[a-z]{3,10}){0,2}$/), { minLength: 1, maxLength: 20 })])(
    'a known name suggests itself, and suggestions are known names (at most three)',
    (known) => {
      for (const name of known) expect(nearestNames(name.toUpperCase(), known)).toEqual([name]);
      const names = nearestNames('qqqzzz', known);
      expect(names.length).toBeLessThanOrEqual(3);
      for (const n of names) expect(known).toContain(n);
    },
  );
});
