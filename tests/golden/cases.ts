/**
 * Golden outputs: the JSON of runs, a traced run, a comparison and a projection of the bundled scenario, recorded
 * before a refactor and kept byte-identical after it (tests/golden/golden.test.ts). Regenerate only deliberately,
 * with `npm run golden:update`, and say why in the commit.
 *
 * Everything here goes through the package's public entry, so moving code inside src/ does not touch this file.
 */
import { createHash } from 'node:crypto';
import {
  applyChanges,
  chongqingExampleDisruptions,
  chongqingScenario,
  compare,
  project,
  simulate,
} from '../../src/index.js';
import { CorridorModel } from '../../src/model/corridor-model.js';

/** A named case: computes a JSON-serialisable value. */
export interface GoldenCase {
  name: string;
  compute: () => unknown | Promise<unknown>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const goldenCases: GoldenCase[] = [
  { name: 'chongqing-scenario', compute: () => chongqingScenario() },
  { name: 'chongqing-example-disruptions-2025', compute: () => chongqingExampleDisruptions(2025) },
  { name: 'simulate-2024-seed-1', compute: () => simulate(chongqingScenario(), { seed: 1 }) },
  { name: 'simulate-2024-seed-golden', compute: () => simulate(chongqingScenario(), { seed: 'golden' }) },
  {
    name: 'simulate-2025-seed-7',
    compute: () => simulate(chongqingScenario(), { seed: 7, startDate: '2025-01-01T00:00:00Z' }),
  },
  {
    name: 'simulate-2024-3-years-seed-3',
    compute: () => simulate(chongqingScenario(), { seed: 3, years: 3 }),
  },
  {
    name: 'simulate-2025-disrupted-seed-5',
    compute: () => {
      const base = chongqingScenario();
      const scenario = { ...base, disruptions: [...(base.disruptions ?? []), ...chongqingExampleDisruptions(2025)] };
      return simulate(scenario, { seed: 5, startDate: '2025-01-01T00:00:00Z' });
    },
  },
  {
    name: 'traced-2024-seed-11',
    compute: () => {
      const model = new CorridorModel(chongqingScenario(), { seed: 11, trace: true });
      const result = model.run();
      const traces = model.traces();
      const text = JSON.stringify(traces);
      return { result, traceCount: traces.length, tracesSha256: sha256(text), firstTraces: traces.slice(0, 20) };
    },
  },
  {
    name: 'compare-second-train-2024',
    compute: () => {
      const base = chongqingScenario();
      const variant = applyChanges(base, [
        {
          kind: 'setFrequency',
          service: 'ilstc-rail-sea-train',
          timetable: { kind: 'interval', everyHours: 24 / 5.8, offsetHours: 1 },
        },
      ]);
      return compare({ name: 'base', scenario: base }, [{ name: 'second train', scenario: variant }], {
        replications: 3,
        seed: 42,
        workers: 0,
      });
    },
  },
  {
    name: 'project-2025-2026',
    compute: () => project(chongqingScenario(), { fromYear: 2025, toYear: 2026, replications: 3, seed: 9, workers: 0 }),
  },
  {
    // Years run on their own (no carried backlog): the projection as it was before carry-over.
    name: 'project-2025-2026-independent-years',
    compute: () =>
      project(chongqingScenario(), {
        fromYear: 2025,
        toYear: 2026,
        replications: 3,
        seed: 9,
        workers: 0,
        carryBacklog: false,
      }),
  },
];

/** The text a case is stored as: stable JSON with one-space indentation and a final newline. */
export function goldenText(value: unknown): string {
  return `${JSON.stringify(value, null, 1)}\n`;
}
