import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { chongqingScenario } from '../../src/data/index.js';
import { InvalidParameterError, ScenarioError } from '../../src/errors.js';
import { loadScenario, saveScenario } from '../../src/experiment/scenario-file.js';
import type { ExtendsScenarioFile } from '../../src/scenario/file.js';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';
import { scenarioReferenceMarkdown } from '../../src/scenario/reference.js';
import type { Change, ScenarioSpec } from '../../src/scenario/types.js';
import { validateScenario } from '../../src/scenario/validate.js';
import { smallScenario } from '../network/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-scenario-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
/** A fresh path in the temporary folder (the file does not exist). */
const freshPath = (name = 'scenario') => join(dir, `${name}-${fileCount++}.json`);
/** Writes `text` to a fresh path and returns the path. */
function writeTemp(text: string, name?: string): string {
  const path = freshPath(name);
  writeFileSync(path, text);
  return path;
}

/** The ScenarioError `f` throws (fails the test if it throws nothing or something else). */
function scenarioError(f: () => unknown): ScenarioError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('expected a ScenarioError, nothing was thrown');
}

const loadError = (value: unknown) => scenarioError(() => loadScenario(value));

/** An `extends` file with one change of several kinds. */
function extendsFile(): ExtendsScenarioFile {
  return {
    $schema: '../schema/scenario.schema.json',
    extends: 'chongqing',
    name: 'ILSTC push 2025',
    description: 'Domestic ILSTC legs −60%, a second Jakarta feeder, more trains',
    changes: [
      { kind: 'scaleCost', corridor: 'ILSTC', domesticOnly: true, factor: 0.4, note: 'subsidy' },
      {
        kind: 'addService',
        service: {
          id: 'qinzhou-jakarta-2',
          name: 'Qinzhou–Jakarta second weekly feeder',
          corridor: 'ILSTC',
          corridorMode: 'rail-sea',
          mode: 'sea',
          stops: ['qinzhou', 'tanjung-priok'],
          legs: [{ costUsdPerTeu: 420 }],
          timetable: { kind: 'weekly', departures: [{ day: 4, hour: 12 }] },
          capacityTeu: 1200,
          startDate: '2025-07-01',
        },
      },
      {
        kind: 'setFrequency',
        service: 'ilstc-rail-sea-train',
        timetable: { kind: 'interval', everyHours: 4 },
        startDate: '2025-03-01',
      },
      { kind: 'setCapacity', service: 'ilstc-feeder-haiphong', capacityTeu: 900 },
      { kind: 'close', element: { kind: 'hub', id: 'qinzhou' }, start: '2025-08-15', end: '2025-08-17' },
      { kind: 'scaleDemand', destination: 'tanjung-priok', factor: 1.2 },
      {
        kind: 'addDemand',
        flow: { id: 'cq-jakarta-extra', origin: 'chongqing-tuanjiecun', destination: 'tanjung-priok', teuPerYear: 500 },
      },
    ],
  };
}

describe('round trip: load → save → load', () => {
  it('gives back the bundled scenario unchanged', () => {
    const loaded = loadScenario(chongqingScenario());
    expect(loaded).toStrictEqual(chongqingScenario());
    const path = freshPath('bundled');
    saveScenario(loaded, path);
    const again = loadScenario(path);
    expect(again).toStrictEqual(loaded);
    // Saving is deterministic: the second save writes the same bytes.
    const second = freshPath('bundled');
    saveScenario(again, second);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(path, 'utf8'));
    expect(readFileSync(path, 'utf8')).toMatch(/^\{\n {2}"name": /);
    expect(readFileSync(path, 'utf8').endsWith('}\n')).toBe(true);
  });

  it('gives back a scenario that extends the bundled one with changes', () => {
    const source = writeTemp(JSON.stringify(extendsFile(), null, 2), 'extends');
    const loaded = loadScenario(source);
    expect(loaded.name).toBe('ILSTC push 2025');
    expect(loaded.services.map((s) => s.id)).toContain('qinzhou-jakarta-2');
    expect(loaded.services.map((s) => s.id)).toContain('ilstc-rail-sea-train-from-2025-03-01');
    expect(loaded.disruptions).toHaveLength(1);
    expect(loaded).toStrictEqual(loadScenario(extendsFile()));

    const saved = freshPath('resolved');
    saveScenario(loaded, saved, { schema: '../schema/scenario.schema.json' });
    expect(JSON.parse(readFileSync(saved, 'utf8')).$schema).toBe('../schema/scenario.schema.json');
    expect(loadScenario(saved)).toStrictEqual(loaded);

    // The extends file itself can be saved and loaded too.
    const small = freshPath('extends-saved');
    saveScenario(extendsFile(), small);
    expect(loadScenario(small)).toStrictEqual(loaded);
  });

  it('keeps a hand-made scenario with every optional field', () => {
    const scenario = smallScenario();
    const path = freshPath('small');
    saveScenario(scenario, path);
    expect(loadScenario(path)).toStrictEqual(loadScenario(scenario));
  });
});

describe('saveScenario', () => {
  it('never replaces an existing file unless asked, and leaves no temporary files', () => {
    const path = writeTemp('{"precious": true}\n', 'existing');
    const error = (() => {
      try {
        saveScenario(chongqingScenario(), path);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidParameterError);
    expect((error as Error).message).toBe(
      `path: ${JSON.stringify(path)} is not a new file (it exists; pass { overwrite: true } to replace it)`,
    );
    expect(readFileSync(path, 'utf8')).toBe('{"precious": true}\n');
    saveScenario(chongqingScenario(), path, { overwrite: true });
    expect(loadScenario(path)).toStrictEqual(chongqingScenario());
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing when the scenario would not survive JSON (NaN, unknown keys, non-JSON values)', () => {
    const path = freshPath('invalid');
    const bad = chongqingScenario();
    (bad.hubs[0] as { lat: number }).lat = Number.NaN;
    expect(scenarioError(() => saveScenario(bad, path)).message).toBe(
      'hubs[0].lat: NaN is not a finite number (hubs[0]: id "chongqing-tuanjiecun")',
    );
    const withDate = { ...chongqingScenario(), description: new Date(0) } as unknown as ScenarioSpec;
    expect(scenarioError(() => saveScenario(withDate, path)).field).toBe('description');
    expect(readdirSync(dir).filter((name) => name.startsWith('invalid'))).toEqual([]);
  });

  it('fails on a missing folder with the file system error and leaves nothing behind', () => {
    expect(() => saveScenario(chongqingScenario(), join(dir, 'no-such-folder', 'x.json'))).toThrow(/ENOENT/);
  });
});

describe('errors name the JSON path, the value and what was expected', () => {
  it('unknown keys, at any depth, with a suggestion for near misses', () => {
    const top = { ...chongqingScenario(), colour: 'red' };
    expect(loadError(top).message).toBe(
      'colour: "red" is not allowed (unknown key; allowed here: $schema, name, description, baseYear, hubs, links, services, demand, routeChoice, disruptions, targets, history, emissions, reRouting)',
    );
    const nested = chongqingScenario();
    Object.assign(nested.services[2] as object, { capacityTEU: 700 });
    const error = loadError(nested);
    expect(error.field).toBe('services[2].capacityTEU');
    expect(error.value).toBe(700);
    expect(error.message).toContain('did you mean "capacityTeu"?');
    expect(error.message).toContain('(services[2]: id "ilstc-feeder-haiphong")');
    const deep = chongqingScenario();
    Object.assign(deep.services[1]?.timetable as object, { every: 5 });
    expect(loadError(deep).field).toBe('services[1].timetable.every');
    const inChange = { extends: 'chongqing', changes: [{ kind: 'scaleDemand', factor: 2, orign: 'hanoi' }] };
    const changeError = loadError(inChange);
    expect(changeError.field).toBe('changes[0].orign');
    expect(changeError.message).toContain('did you mean "origin"?');
  });

  it('wrong types and out-of-range values, by index with the element named', () => {
    const day = chongqingScenario() as unknown as { services: { timetable: { departures: { day: unknown }[] } }[] };
    (day.services[3]?.timetable.departures[1] as { day: unknown }).day = 7;
    expect(loadError(day).message).toBe(
      'services[3].timetable.departures[1].day: 7 is not an integer within 0..6 (0 = Sunday) (services[3]: id "ilstc-feeder-ho-chi-minh-city")',
    );
    const lat = chongqingScenario() as unknown as { hubs: Record<string, unknown>[] };
    (lat.hubs[1] as Record<string, unknown>).lat = '21.7';
    expect(loadError(lat).message).toBe('hubs[1].lat: "21.7" is not a finite number (hubs[1]: id "chongqing-guoyuan")');
    const missing = chongqingScenario() as unknown as { hubs: Record<string, unknown>[] };
    delete (missing.hubs[4] as Record<string, unknown>).lon;
    expect(loadError(missing).message).toBe(
      'hubs[4].lon: undefined is not a finite number (required) (hubs[4]: id "nanning")',
    );
    const dist = chongqingScenario() as unknown as { services: { legs: Record<string, unknown>[] }[] };
    (dist.services[0]?.legs[0] as Record<string, unknown>).transitHours = { type: 'weibull', k: 2 };
    expect(loadError(dist).field).toBe('services[0].legs[0].transitHours.type');
    const infinite = chongqingScenario();
    (infinite.demand.flows[0] as { teuPerYear: number }).teuPerYear = Number.POSITIVE_INFINITY;
    expect(loadError(infinite).message).toBe(
      'demand.flows[0].teuPerYear: Infinity is not a finite number (demand.flows[0]: id "cq-qinzhou-export")',
    );
    expect(loadError(42).message).toBe('scenario: 42 is not an object');
    expect(loadError(null).message).toBe('scenario: null is not an object');
    expect(loadError([]).message).toBe('scenario: [] is not an object');
  });

  it('references checked by validateScenario are named by id', () => {
    const dangling = chongqingScenario();
    (dangling.services[1]?.stops as string[])[1] = 'atlantis';
    expect(loadError(dangling).message).toBe(
      'services[ilstc-feeder-singapore].stops[1]: "atlantis" is not a hub id (no hub has it)',
    );
  });

  it('changes naming something that does not exist', () => {
    const file = {
      extends: 'chongqing',
      changes: [
        { kind: 'scaleCost', corridor: 'ILSTC', domesticOnly: true, factor: 0.4 },
        { kind: 'setCapacity', service: 'ilstc-rail-sea-train', capacityTeu: 120 },
        { kind: 'removeService', service: 'qinzhou-jakarta' },
      ],
    };
    expect(loadError(file).message).toBe('changes[2].service: "qinzhou-jakarta" is not an existing service id');
  });

  it('demand left without a route says after which change', () => {
    const file = {
      extends: 'chongqing',
      changes: [
        { kind: 'setCapacity', service: 'ilstc-rail-sea-train', capacityTeu: 120 },
        { kind: 'removeService', service: 'northern-manzhouli' },
      ],
    };
    const error = loadError(file);
    expect(error.field).toBe('demand.flows[cq-novosibirsk-export].destination');
    expect(error.message).toBe(
      'demand.flows[cq-novosibirsk-export].destination: "novosibirsk" is not reachable from "chongqing-tuanjiecun" by any service (no route) (after changes[1], removeService)',
    );
    expect(error.cause).toBeInstanceOf(ScenarioError);
  });

  it('replacements in an extends file are applied and checked', () => {
    const targets = [{ id: 'ilstc-2026', corridor: 'ILSTC', year: 2026, teu: 320_000 }];
    expect(loadScenario({ extends: 'chongqing', targets }).targets).toEqual(targets);
    const bad = loadError({ extends: 'chongqing', targets: [{ ...targets[0], corridor: 'Arctic' }] });
    expect(bad.message).toBe('targets[ilstc-2026].corridor: "Arctic" is not the corridor of some service');
    expect(loadScenario({ extends: 'chongqing' })).toStrictEqual(chongqingScenario());
  });

  it('unknown extends', () => {
    const error = loadError({ extends: 'shanghai', changes: [] });
    expect(error.field).toBe('extends');
    expect(error.message).toBe('extends: "shanghai" is not a known base scenario (one of: chongqing)');
    expect(loadError({ extends: 3 }).field).toBe('extends');
    expect(loadError(JSON.parse('{ "extends": null }')).field).toBe('extends');
  });

  it.each([
    ['top level', '{ "__proto__": { "polluted": true }, "extends": "chongqing" }', '__proto__'],
    [
      'in a change',
      '{ "extends": "chongqing", "changes": [{ "kind": "scaleDemand", "factor": 2, "__proto__": { "polluted": true } }] }',
      'changes[0].__proto__',
    ],
    [
      'deep in an element',
      '{ "extends": "chongqing", "changes": [{ "kind": "close", "element": { "kind": "hub", "id": "qinzhou", "__proto__": { "polluted": true } }, "start": "2025-01-01", "end": "2025-01-02" }] }',
      'changes[0].element.__proto__',
    ],
    [
      'in an array of objects',
      '{ "extends": "chongqing", "targets": [{ "id": "t", "corridor": "ILSTC", "year": 2025, "teu": 1 }, { "__proto__": { "polluted": true } }] }',
      'targets[1].__proto__',
    ],
    [
      'constructor',
      '{ "extends": "chongqing", "changes": [{ "kind": "scaleDemand", "factor": 2, "constructor": { "prototype": { "polluted": true } } }] }',
      'changes[0].constructor',
    ],
    [
      'prototype',
      '{ "extends": "chongqing", "routeChoice": { "alternatives": 1, "logitScalePerUsd": 1, "prototype": { "polluted": true } } }',
      'routeChoice.prototype',
    ],
  ])('rejects reserved keys: %s', (_, text, field) => {
    for (const input of [JSON.parse(text), writeTemp(text, 'proto')]) {
      const error = loadError(input);
      expect(error.field).toBe(field);
      expect(error.message).toMatch(/is not allowed \(the key "(__proto__|constructor|prototype)" is reserved/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reserved keys inside a full scenario', () => {
    const scenario = chongqingScenario();
    Object.defineProperty(scenario.hubs[3], '__proto__', { value: { polluted: true }, enumerable: true });
    expect(loadError(scenario).field).toBe('hubs[3].__proto__');
    const text = JSON.stringify(chongqingScenario()).replace('"legs":[{', '"legs":[{"__proto__":{"polluted":true},');
    expect(loadError(writeTemp(text)).field).toBe('services[0].legs[0].__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a trailing comma', '{\n  "extends": "chongqing",\n}\n', 3, 1],
    ['a missing comma', '{\n  "extends": "chongqing"\n  "changes": []\n}', 3, 3],
    ['single quotes', "{\n  'extends': 'chongqing'\n}", 2, 3],
    ['an unfinished file', '{\n  "extends": "chong', 2, 20],
    ['an empty file', '', 1, 1],
    ['text after the value', '{}\n}', 2, 1],
    ['a bad literal', '{ "a": tru }', 1, 8],
  ])('bad JSON syntax: %s → file, line and column', (_, text, line, column) => {
    const path = writeTemp(text, 'syntax');
    const error = loadError(path);
    expect(error.field).toBe(`${path}:${line}:${column}`);
    expect(error.expected).toMatch(new RegExp(`^valid JSON \\(.+ at line ${line}, column ${column}\\)$`));
  });

  it('an unreadable file', () => {
    const missing = join(dir, 'missing.json');
    const error = loadError(missing);
    expect(error.field).toBe('file');
    expect(error.value).toBe(missing);
    expect(error.message).toMatch(/ENOENT/);
    expect(loadError(dir).message).toMatch(/EISDIR/);
  });

  it('values that are not JSON data: functions, bigints, dates, maps, class instances, cycles, deep nesting, throwing getters', () => {
    const put = (value: unknown) => {
      const scenario = chongqingScenario() as unknown as { hubs: Record<string, unknown>[] };
      (scenario.hubs[0] as Record<string, unknown>).source = value;
      return scenario;
    };
    for (const value of [() => 1, 10n, new Date(0), new Map(), new (class Box {})(), Symbol('s')]) {
      const error = loadError(put(value));
      expect(error.field).toBe('hubs[0].source');
      expect(error.message).toMatch(/is not a JSON value/);
    }
    const cyclic = chongqingScenario() as unknown as { demand: Record<string, unknown> };
    cyclic.demand.self = cyclic.demand;
    expect(loadError(cyclic).field).toBe('demand.self');
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(loadError(put(deep)).message).toMatch(/nested at most 64 levels/);
    let shared: unknown = 'leaf';
    for (let i = 0; i < 40; i++) shared = [shared, shared]; // 2^40 leaves, 41 objects
    expect(loadError(put(shared)).message).toMatch(/at most 1000000 values/);
    const trap = put(undefined);
    Object.defineProperty(trap.hubs[0], 'source', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(loadError(trap).message).toBe(
      'hubs[0].source: "(unreadable)" is not readable (reading it threw: Error: boom)',
    );
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw Object.create(null); // String() of it throws too
        },
      },
    );
    expect(loadError(put(hostile)).message).toBe(
      'hubs[0].source: "(unreadable)" is not readable (reading it threw: an unprintable error)',
    );
    const unprintable = put(undefined);
    const toPrimitive = () => {
      throw new Error('no');
    };
    const bad = Object.assign(Object.create({ [Symbol.toPrimitive]: toPrimitive }), { n: 1n });
    (unprintable.hubs[0] as Record<string, unknown>).source = bad;
    expect(loadError(unprintable).message).toMatch(/^hubs\[0\]\.source: .* is not a JSON value/);
  });

  it('undefined optional fields count as absent; the input is not modified', () => {
    const scenario = deepFreeze({ ...chongqingScenario(), description: undefined });
    const loaded = loadScenario(scenario);
    expect('description' in loaded).toBe(false);
    loaded.hubs.pop();
    expect(scenario.hubs).toHaveLength(chongqingScenario().hubs.length);
  });
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

describe('JSON Schema', () => {
  it('the committed schema/scenario.schema.json is the freshly generated one (npx tsx scripts/generate-schema.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../schema/scenario.schema.json', import.meta.url), 'utf8'));
    expect(JSON.stringify(committed)).toBe(JSON.stringify(scenarioJsonSchema()));
  });

  it('the committed docs/scenario-files.md is the reference generated from it (table padding aside)', () => {
    // biome pads the tables; compare cell by cell.
    const normalise = (markdown: string) =>
      markdown
        .trim()
        .split('\n')
        .map((line) =>
          line.startsWith('|')
            ? line
                .split(/(?<!\\)\|/)
                .map((c) => c.trim().replace(/^-+$/, '---'))
                .join('|')
            : line.trimEnd(),
        );
    const committed = readFileSync(new URL('../../docs/scenario-files.md', import.meta.url), 'utf8');
    expect(normalise(committed)).toEqual(normalise(scenarioReferenceMarkdown()));
    // Every definition and every top-level field is documented.
    for (const field of ['hubs', 'services', 'demand.seasonality', 'changes', 'departures[].day']) {
      expect(committed).toContain(`\`${field}\``);
    }
  });

  it('has $schema, title, description, and closed objects', () => {
    const schema = scenarioJsonSchema() as {
      $schema: string;
      title: string;
      description: string;
      anyOf: unknown[];
      $defs: Record<string, { additionalProperties?: unknown; required?: string[] }>;
    };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('corridor-sim scenario file');
    expect(schema.description).toMatch(/extends/);
    expect(schema.anyOf).toHaveLength(2);
    for (const name of ['FullScenarioFile', 'ExtendsScenarioFile', 'HubSpec', 'ServiceSpec', 'ScaleCostChange']) {
      expect(schema.$defs[name]?.additionalProperties).toBe(false);
    }
    expect(schema.$defs.ExtendsScenarioFile?.required).toEqual(['extends']);
    expect(JSON.stringify(schema)).not.toContain('9007199254740991');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Fuzzing: mutate valid scenario objects; loadScenario must give a valid scenario or a ScenarioError, nothing else.

type Holder = { root: unknown };
type Action =
  | { kind: 'delete' }
  | { kind: 'replace'; value: unknown }
  | { kind: 'insert'; key: string; value: unknown }
  | { kind: 'duplicate' };
interface Mutation {
  path: number[];
  action: Action;
}

const oddNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  6,
  7,
  24,
  1e308,
  -1e308,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
);
const oddString = fc.constantFrom(
  '',
  'chongqing-tuanjiecun',
  'qinzhou',
  'ilstc-rail-sea-train',
  'ilstc-rail-sea-train~return',
  'ILSTC',
  'rail',
  'weekly',
  'constant',
  'close',
  'TEU',
  '2025-07-01',
  '2025-02-30',
  'chongqing',
  'x'.repeat(300),
);
const jsonish = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: oddNumber },
  { weight: 2, arbitrary: oddString },
  { weight: 1, arbitrary: fc.constant(undefined) },
);
const exotic = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});
const key = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'capacityTEU',
    'id',
    'colour',
    '$schema',
    'extends',
    'changes',
    'toString',
  ),
  fc.string({ maxLength: 8 }),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 5, arbitrary: jsonish.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 1, arbitrary: exotic.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert' as const), key, value: jsonish }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'duplicate' as const }) },
);
const mutation: fc.Arbitrary<Mutation> = fc.record({ path: fc.array(fc.nat(), { maxLength: 9 }), action });

function define(target: object, name: string | number, value: unknown): void {
  Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
}

/** Walks `path` (each number picks a child, modulo their count) and applies the action there. */
function mutate(holder: Holder, { path, action }: Mutation): void {
  let parent: Record<string | number, unknown> = holder as unknown as Record<string, unknown>;
  let at: string | number = 'root';
  for (const n of path) {
    const node = parent[at];
    if (typeof node !== 'object' || node === null) break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string | number, unknown>;
    at = keys[n % keys.length] as string | number;
  }
  const target = parent[at];
  switch (action.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(at as number, 1);
      else delete parent[at];
      break;
    case 'replace':
      define(parent, at, action.value);
      break;
    case 'insert':
      if (Array.isArray(target)) target.push(action.value);
      else if (typeof target === 'object' && target !== null) define(target, action.key, action.value);
      else {
        const object = {};
        define(object, action.key, action.value);
        define(parent, at, object);
      }
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.push(structuredClone(target));
      else if (Array.isArray(target) && target.length > 0) target.push(structuredClone(target[0]));
      break;
  }
}

const BASES = {
  bundled: (): unknown => chongqingScenario(),
  extends: (): unknown => extendsFile(),
  small: (): unknown => smallScenario(),
  changes: (): unknown => ({
    extends: 'chongqing',
    changes: [
      { kind: 'removeService', service: 'ilstc-feeder-port-klang' },
      { kind: 'scaleCost', services: ['ilstc-rail-sea-train'], factor: 2 },
      {
        kind: 'close',
        element: { kind: 'link', id: chongqingScenario().links[0]?.id ?? '' },
        start: '2025-01-01',
        end: '2025-02-01',
      },
    ] satisfies Change[],
  }),
};

/** loadScenario either returns a valid scenario or throws a ScenarioError. */
function checkLoad(value: unknown): 'valid' | 'error' {
  let result: ScenarioSpec;
  try {
    result = loadScenario(value);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    expect(error.message).toMatch(/^.+: .+ is not .+/s);
    return 'error';
  }
  expect(() => validateScenario(result)).not.toThrow();
  return 'valid';
}

/** Cases of the main fuzz property: 1,000 in CI; set FUZZ_RUNS for a longer soak. */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

describe('fuzzed scenario objects give a valid scenario or a ScenarioError, never another exception', () => {
  const outcomes = { valid: 0, error: 0 };
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;

  test.prop(
    [
      fc.constantFrom(...(Object.keys(BASES) as (keyof typeof BASES)[])),
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
    ],
    {
      numRuns: FUZZ_RUNS,
    },
  )(
    `mutations of valid scenarios and extends files (${FUZZ_RUNS} cases)`,
    (base, mutations) => {
      const holder: Holder = { root: BASES[base]() };
      for (const m of mutations) {
        try {
          mutate(holder, m);
        } catch {
          // The harness could not apply this one (e.g. a frozen exotic value): the others still apply.
        }
      }
      outcomes[checkLoad(holder.root)]++;
    },
    Math.max(60_000, FUZZ_RUNS * 10),
  );

  test.prop([exotic], { numRuns: 150 })('arbitrary values at the top level', (value) => {
    outcomes[checkLoad(value)]++;
  });

  test.prop(
    [
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '{', '[', '\\', '\n', 'x', '0')), {
        minLength: 1,
        maxLength: 3,
      }),
    ],
    {
      numRuns: 100,
    },
  )('edited JSON text in a file', (edits) => {
    let text = JSON.stringify(smallScenario(), null, 2);
    for (const [at, insert] of edits) {
      const i = at % (text.length + 1);
      text = `${text.slice(0, i)}${insert}${text.slice(i + (insert === '' ? 1 : 0))}`;
    }
    const path = writeTemp(text, 'fuzz');
    let syntaxOk = true;
    try {
      JSON.parse(text);
    } catch {
      syntaxOk = false;
    }
    try {
      loadScenario(path);
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      if (!syntaxOk) expect((error as ScenarioError).field).toMatch(/\.json:\d+:\d+$/);
    } finally {
      rmSync(path);
    }
  });

  it('ran both outcomes and polluted nothing', () => {
    expect(outcomes.valid).toBeGreaterThan(20);
    expect(outcomes.error).toBeGreaterThan(500);
    expect(Object.getOwnPropertyNames(Object.prototype)).toHaveLength(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
