import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { lineScenario, twoRouteScenario } from '../model/fixtures.js';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), quietProgress: true });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-cli-'));
const file = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data));
  return path;
};
const line = file('line.json', lineScenario());
const two = file('two.json', twoRouteScenario());
const twoLessRail = (() => {
  const s = twoRouteScenario();
  s.services[0]!.capacityTeu = 30;
  return file('two-less-rail.json', s);
})();
const short = ['--start', '2024-01-01', '--years', '0.2', '--workers', '0', '--quiet'];

describe('corridor-sim CLI', () => {
  it('prints help for every command and exits 0', async () => {
    for (const command of ['run', 'project', 'compare', 'validate', 'schema', 'network', 'merge']) {
      const r = await cli(command, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`corridor-sim ${command}`);
    }
    expect((await cli('--help')).out).toContain('Commands:');
  });

  it('run prints a corridor table; --json gives a shard that merge combines exactly', async () => {
    const table = await cli('run', line, '--replications', '3', ...short);
    expect(table.code).toBe(0);
    expect(table.out).toContain('ILSTC/international-rail');
    const whole = JSON.parse((await cli('run', line, '--replications', '4', '--json', ...short)).out);
    const a = file('a.json', (await cli('run', line, '--replications', '0..1', '--json', ...short)).out);
    const b = file('b.json', (await cli('run', line, '--replications', '2..3', '--json', ...short)).out);
    const merged = JSON.parse((await cli('merge', b, a, '--json')).out);
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.indices).toEqual([0, 1, 2, 3]);
  });

  it('project prints target probabilities', async () => {
    const s = lineScenario();
    s.targets = [{ id: 'ab-2025', corridor: 'ILSTC', year: 2025, teu: 9000 }];
    const path = file('target.json', s);
    const r = await cli(
      'project',
      path,
      '--from',
      '2025',
      '--replications',
      '3',
      '--growth-sd',
      '0.05',
      '--workers',
      '0',
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ab-2025: ILSTC 2025 ≥ 9,000 TEU — mean [\d,]+ .*P\(met\) = \d+%/);
  });

  it('compare prints paired differences and a ranking', async () => {
    const r = await cli('compare', two, twoLessRail, '--replications', '3', '--rank-by', 'teu/ILSTC', ...short);
    expect(r.code).toBe(0);
    expect(r.out).toContain('paired, 95% CI');
    expect(r.out).toContain('Ranking by teu/ILSTC');
  });

  it('--out writes a report for run, project and compare, and never over a directory of someone else’s', async () => {
    const out = join(dir, 'report-run');
    const r = await cli('run', two, '--replications', '2', '--out', out, ...short);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`report written to ${out}/index.html`);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['index.html', 'corridor-map.svg', 'summary.json']));
    // With --json, stdout stays one JSON document and the notice goes to stderr.
    const json = await cli('run', two, '--replications', '2', '--out', out, '--json', ...short);
    expect(JSON.parse(json.out).kind).toBe('replications');
    expect(json.err).toContain('replacing the earlier report');

    const projected = join(dir, 'report-project');
    const p = await cli(
      'project',
      two,
      '--from',
      '2025',
      '--replications',
      '2',
      '--workers',
      '0',
      '--quiet',
      '--out',
      projected,
    );
    expect(p.code).toBe(0);
    expect(readdirSync(projected)).toContain('fan-chart.svg');
    const compared = join(dir, 'report-compare');
    const c = await cli('compare', two, twoLessRail, '--replications', '2', '--out', compared, ...short);
    expect(c.code).toBe(0);
    expect(readdirSync(compared)).toContain('comparison.svg');

    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    const refused = await cli('run', two, '--replications', '2', '--out', mine, ...short);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('is not a corridor-sim report');
    expect(refused.out).toBe(''); // refused before simulating anything
    expect(readdirSync(mine)).toEqual(['notes.txt']);
  });

  it('validate, schema and network', async () => {
    expect((await cli('validate', line)).out).toMatch(/valid — 2 hubs, 1 links, 2 services/);
    const schema = JSON.parse((await cli('schema')).out);
    expect(schema.$schema).toBeDefined();
    const geo = JSON.parse((await cli('network', line, '--geojson')).out);
    expect(geo.type).toBe('FeatureCollection');
  });

  it('bad input exits 2 naming the option or the scenario path and value', async () => {
    const bad = lineScenario();
    bad.services[0]!.capacityTeu = -5;
    const r1 = await cli('validate', file('bad.json', bad));
    expect(r1.code).toBe(2);
    expect(r1.err).toContain('capacityTeu');
    expect(r1.err).toContain('-5');
    const r2 = await cli('run', line, '--replications', '5..2');
    expect(r2.code).toBe(2);
    expect(r2.err).toContain('--replications: "5..2"');
    expect((await cli('run', line, '--bogus')).code).toBe(2);
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('validate', join(dir, 'missing.json'))).code).toBe(2);
    expect((await cli('merge', file('not-a-shard.json', { hello: 1 }))).code).toBe(2);
  });

  it('a failure at run time exits 1', async () => {
    const s = lineScenario();
    s.disruptions = [
      {
        id: 'inf',
        element: { kind: 'link', id: 'ab' },
        start: '2024-01-10',
        end: '2024-02-01',
        effect: { kind: 'slow', factor: 1e308 },
      },
    ];
    const r = await cli('run', file('inf.json', s), '--replications', '1', ...short);
    expect(r.code).toBe(1);
    expect(r.err).toContain('failed');
  });
});
