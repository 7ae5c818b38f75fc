import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chongqingScenario } from '../../src/data/index.js';
import { BASE_SCENARIOS } from '../../src/experiment/scenario-file.js';
import { resolveScenarioFile } from '../../src/scenario/file.js';
import { cli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-dump-'));

describe('corridor-sim scenario --dump', () => {
  it('prints the bundled scenario as a complete file that loads back to the same scenario', async () => {
    const r = await cli('scenario', '--dump');
    expect(r.code).toBe(0);
    const dumped = JSON.parse(r.out) as unknown;
    expect(resolveScenarioFile(dumped, { bases: BASE_SCENARIOS })).toEqual(chongqingScenario());
  });

  it("dumps a file's result after its changes, and never overwrites a file with --out", async () => {
    const extending = join(dir, 'slower.json');
    const change = { kind: 'setHub', hub: 'malaszewicze', gaugeChange: { tracks: 2 } };
    writeFileSync(extending, JSON.stringify({ extends: 'chongqing', changes: [change] }));
    const out = join(dir, 'full.json');
    const first = await cli('scenario', extending, '--dump', '--out', out);
    expect(first.code).toBe(0);
    const full = JSON.parse(readFileSync(out, 'utf8')) as ReturnType<typeof chongqingScenario>;
    expect(full.hubs.find((h) => h.id === 'malaszewicze')?.gaugeChange?.tracks).toBe(2);
    writeFileSync(out, 'mine');
    const again = await cli('scenario', '--dump', '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toContain('the file exists');
    expect(readFileSync(out, 'utf8')).toBe('mine');
    expect((await cli('scenario')).code).toBe(2);
  });
});

describe('corridor-sim ids', () => {
  it('lists every hub, link, service, flow and corridor id with its name', async () => {
    const r = await cli('ids', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { kind: string; id: string; name: string }[];
    const scenario = chongqingScenario();
    const ids = (kind: string) => rows.filter((row) => row.kind === kind).map((row) => row.id);
    expect(ids('hub')).toEqual(scenario.hubs.map((h) => h.id));
    expect(ids('link')).toEqual(scenario.links.map((l) => l.id));
    expect(ids('service')).toEqual(scenario.services.map((s) => s.id));
    expect(ids('flow')).toEqual(scenario.demand.flows.map((f) => f.id));
    expect(ids('corridor')).toEqual(['ILSTC', 'CR-Express', 'Northern', 'Yangtze']);
    expect(rows.find((row) => row.id === 'malaszewicze')?.name).toContain('Ma');
  });

  it('filters by kind in a table, and names the allowed kinds on a bad one', async () => {
    const hubs = await cli('ids', '--kind', 'hub');
    expect(hubs.code).toBe(0);
    expect(hubs.out).toContain('three-gorges-locks');
    expect(hubs.out).not.toContain('ilstc-rail-sea-train');
    const bad = await cli('ids', '--kind', 'hubs');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"hubs" is not one of hub, link, service, flow, corridor');
  });
});
