import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMainModule as exampleIsMain } from '../../examples/lib.js';
import { isMainModule } from '../../src/cli/main.js';
import type { Shard } from '../../src/index.js';
import { checkReportTarget, ReportError } from '../../src/report/write.js';
import { VERSION } from '../../src/version.js';
import { lineScenario, twoRouteScenario } from '../model/fixtures.js';
import { cli, node, repo } from './run-cli.js';

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
    for (const command of ['run', 'project', 'compare', 'validate', 'schema', 'network', 'merge', 'optimize']) {
      const r = await cli(command, '--help');
      expect(r.code).toBe(0);
      expect(r.out).toContain(`corridor-sim ${command}`);
    }
    const global = (await cli('--help')).out;
    expect(global).toContain('Commands:');
    for (const option of ['--version', '--help', '--seed', '--workers', '--out', '--json', '--quiet']) {
      expect(global).toContain(option);
    }
    expect(global).toMatch(/0 = no worker threads, everything runs in this\s+process/);
    for (const command of ['run', 'project', 'compare']) {
      expect((await cli(command, '--help')).out).toMatch(/--workers N .*0 = no worker threads/);
    }
    expect((await cli('merge', '--help')).out).toContain('--out DIR');
    const rankBy = (await cli('compare', '--help')).out;
    for (const kpi of ['teu/ILSTC', 'teu/ILSTC/2025', 'target/<id>/teu', 'days/ILSTC/mean', 'cost/ILSTC']) {
      expect(rankBy).toContain(kpi);
    }
    expect((await cli('--version')).out).toBe(VERSION);
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
    // Carried and turned-away TEU side by side, so a capped volume does not read as demand.
    expect(r.out).toContain('Demand turned away by market, TEU a year (booked but not carried');
    expect(r.out).toMatch(/\n2025 +[\d,]+ +[\d,]+ \([\d,]+–[\d,]+\)/);
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
    expect((await cli('validate', line)).out).toMatch(/valid — 2 hubs, 1 link, 2 services .*, 1 flow, 0 targets$/);
    const targeted = lineScenario();
    targeted.targets = [{ id: 'ab-2025', corridor: 'ILSTC', year: 2025, teu: 9000 }];
    expect((await cli('validate', file('one-target.json', targeted))).out).toMatch(/, 1 target$/);
    targeted.targets.push({ id: 'ab-2026', corridor: 'ILSTC', year: 2026, teu: 9000 });
    expect((await cli('validate', file('two-targets.json', targeted))).out).toMatch(/, 2 targets$/);
    const schema = JSON.parse((await cli('schema')).out);
    expect(schema.$schema).toBeDefined();
    const geo = JSON.parse((await cli('network', line, '--geojson')).out);
    expect(geo.type).toBe('FeatureCollection');
  });

  it('optimize: the answer as JSON and a report; schema --optimization; a bad file exits 2 naming the path', async () => {
    // A line far from its capacity: the plan without measures meets the target, so nothing needs buying.
    const problem = {
      name: 'line',
      base: lineScenario({ teuPerYear: 200, shipmentTeu: { type: 'constant', value: 1 } }),
      year: 2025,
      measures: [
        {
          id: 'bigger-trains',
          levels: [
            {
              name: '200 TEU',
              annualCostUsd: 1e6,
              costSource: 'E: test',
              changes: [{ kind: 'setCapacity', service: 'train', capacityTeu: 200 }],
            },
          ],
        },
      ],
      objective: { minimize: 'cost' },
      constraints: [{ kind: 'target', corridor: 'ILSTC', teu: 50, probability: 0.9, tolerance: 0.05 }],
    };
    const out = join(dir, 'optimize-report');
    const r = await cli('optimize', file('problem.json', problem), '--workers', '0', '--json', '--out', out);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result.kind).toBe('optimization');
    expect(result.status).toBe('optimal');
    expect(result.chosen.id).toBe('base');
    expect(result.plans.map((p: { id: string }) => p.id)).toEqual(['base', 'bigger-trains']);
    expect(
      readdirSync(out)
        .filter((name) => !name.startsWith('.'))
        .sort(),
    ).toEqual(['frontier.svg', 'index.html', 'plans.csv', 'summary.json']);
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).kind).toBe('optimization');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('Chosen plan: base');

    const schema = JSON.parse((await cli('schema', '--optimization')).out);
    expect(schema.title).toBe('corridor-sim optimisation file');

    const bad = await cli('optimize', file('bad-problem.json', { ...problem, year: 1e9 }), '--workers', '0');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/year: 1000000000 is not <= 2200/);
    expect(bad.out).toBe('');

    // --checkpoint: the second run takes every run from the file and gives the same answer.
    const checkpoint = join(dir, 'optimize.jsonl');
    const resumable = (path: string) =>
      cli('optimize', join(dir, 'problem.json'), '--workers', '0', '--json', '--checkpoint', path);
    const first = await resumable(checkpoint);
    expect(first.err).toMatch(/checkpoint .*optimize\.jsonl: 0 of (\d+) simulated years taken from it/);
    const again = await resumable(checkpoint);
    const years = JSON.parse(again.out).budget.simulatedYears;
    expect(again.err).toContain(`: ${years} of ${years} simulated years taken from it`);
    expect(JSON.parse(again.out).chosen).toEqual(result.chosen);
    const foreign = await resumable(join(dir, 'problem.json'));
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/checkpoint: .*problem\.json.* is not a corridor-sim optimize checkpoint file/);
  }, 120_000);

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

  it('merge --out writes a replications report and prints the targets, like run', async () => {
    const s = lineScenario();
    s.targets = [{ id: 'ab-2024', corridor: 'ILSTC', year: 2024, teu: 100 }];
    const scenario = file('merge-scenario.json', s);
    const a = file('m-a.json', (await cli('run', scenario, '--replications', '0..1', '--json', ...short)).out);
    const b = file('m-b.json', (await cli('run', scenario, '--replications', '2..2', '--json', ...short)).out);
    const out = join(dir, 'report-merge');
    const r = await cli('merge', a, b, '--scenario', scenario, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('3 replications merged from 2 shards (indices 0..2)');
    expect(r.out).toMatch(/\nTargets\nab-2024: [\d,]+ ± [\d,]+ TEU; met in \d+% of replications/);
    expect(r.out).toContain(`report written to ${out}/index.html`);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['index.html', 'corridor-map.svg', 'summary.json']));
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.kind).toBe('replications');
    expect(summary.settings).toMatchObject({ replications: 3, shards: 2, start: '2024-01-01' });
    // The period label comes from the runs' dates (0.2 years from 2024-01-01).
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatch(/line: 2024-01-01 to 2024-03-1\d/);
    // With --json the notice goes to stderr.
    const json = await cli('merge', a, b, '--scenario', scenario, '--out', out, '--json');
    expect(JSON.parse(json.out).indices).toEqual([0, 1, 2]);
    expect(json.err).toContain('replacing the earlier report');

    // The target is checked before merging; the shards' scenario must be the one given for the report.
    const mine = join(dir, 'mine-merge');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    const refused = await cli('merge', a, b, '--scenario', scenario, '--out', mine);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('is not a corridor-sim report');
    expect(refused.out).toBe('');
    const bundled = await cli('merge', a, b, '--out', join(dir, 'report-merge-2'));
    expect(bundled.code).toBe(2);
    expect(bundled.err).toMatch(
      /m-a\.json: shard\.scenarioSha256: "[0-9a-f]{64}" is not "[0-9a-f]{64}", the hash of the given scenario "Chongqing/,
    );
    expect(existsSync(join(dir, 'report-merge-2'))).toBe(false);
  });

  it('merge names the shard file that disagrees', async () => {
    const a = file('a.json', (await cli('run', line, '--replications', '0..1', '--json', ...short)).out);
    const c = file('c.json', (await cli('run', line, '--replications', '2..3', '--seed', '2', '--json', ...short)).out);
    const seed = await cli('merge', a, c);
    expect(seed.code).toBe(2);
    expect(seed.err).toContain(`${c}: shard.settings.seed: 2 is not 1, the seed of ${a}'s replications`);

    const d = file('d.json', (await cli('run', line, '--replications', '1..2', '--json', ...short)).out);
    const overlap = await cli('merge', a, d);
    expect(overlap.code).toBe(2);
    expect(overlap.err).toContain(`${d}: indices[0]: 1 is not an index no other shard holds (${a} holds it too)`);

    const other = file('other.json', (await cli('run', two, '--replications', '2..3', '--json', ...short)).out);
    const scenario = await cli('merge', a, other);
    expect(scenario.code).toBe(2);
    expect(scenario.err).toContain(`${other}: scenario: "two routes" is not "line", the scenario of ${a}`);

    // Another scenario of the same name: refused by its content hash.
    const sameName = lineScenario();
    sameName.services[0]!.capacityTeu = 60;
    const twin = file('twin.json', sameName);
    const t = file('t.json', (await cli('run', twin, '--replications', '2..3', '--json', ...short)).out);
    const twinMerge = await cli('merge', a, t);
    expect(twinMerge.code).toBe(2);
    expect(twinMerge.err).toContain(`${t}: shard.scenarioSha256:`);
    expect(twinMerge.err).toContain('both are named "line" but their contents differ');

    const later = ['--start', '2024-02-01', '--years', '0.2', '--workers', '0', '--quiet'];
    const e = file('e.json', (await cli('run', line, '--replications', '4..4', '--json', ...later)).out);
    const period = await cli('merge', a, e);
    expect(period.code).toBe(2);
    expect(period.err).toMatch(
      new RegExp(`${e}: shard\\.settings\\.startDate: "2024-02-01.* is not "2024-01-01.*, the startDate of ${a}'s`),
    );
  });

  it('merge refuses edited, relabelled, broken and gapped shards with exit 2, naming the file and the JSON path', async () => {
    const text = (await cli('run', line, '--replications', '0..1', '--json', ...short)).out;
    const a = file('ok-a.json', text);
    const edit = (name: string, change: (shard: Shard) => void) => {
      const shard = JSON.parse(text) as Shard;
      change(shard);
      return file(name, shard);
    };
    const expectRefused = async (path: string, message: string | RegExp) => {
      const r = await cli('merge', path);
      expect(r.code).toBe(2);
      expect(r.err).not.toMatch(/TypeError|\n\s+at /);
      if (typeof message === 'string') expect(r.err).toContain(`${path}: ${message}`);
      else expect(r.err).toMatch(message);
    };
    const doubled = edit('doubled.json', (s) => {
      s.runs[0]!.conservation.generatedTeu *= 2;
    });
    await expectRefused(doubled, /doubled\.json: runs\[0\]: .* changed after the shard was written/);
    await expectRefused(
      edit('negative.json', (s) => {
        s.runs[1]!.conservation.generatedTeu = -1;
      }),
      'runs[1].conservation.generatedTeu: -1 is not a finite number >= 0',
    );
    await expectRefused(
      edit('null.json', (s) => {
        s.runs[1]!.conservation.generatedTeu = null as unknown as number;
      }),
      'runs[1].conservation.generatedTeu: null is not a finite number >= 0',
    );
    await expectRefused(
      edit('relabelled.json', (s) => {
        s.indices = [5, 6];
      }),
      'runs[0].seed: "n1#0" is not "n1#5", the seed of replication 5',
    );
    for (const [name, bad] of [
      ['string-index.json', '"0"'],
      ['null-index.json', 'null'],
      ['fraction-index.json', '0.5'],
      ['negative-index.json', '-1'],
    ] as const) {
      await expectRefused(
        edit(name, (s) => {
          s.indices[0] = JSON.parse(bad);
        }),
        `indices[0]: ${bad} is not a replication index (an integer from 0 to 2^53 - 1)`,
      );
    }
    await expectRefused(
      edit('broken.json', (s) => {
        s.runs[0]!.corridors = 'gone' as never;
      }),
      'runs[0].corridors: "gone" is not an object',
    );
    await expectRefused(
      edit('unhashed.json', (s) => {
        delete (s as Partial<Shard>).shard;
      }),
      'shard: undefined is not an object',
    );

    const later = file('ok-later.json', (await cli('run', line, '--replications', '3..3', '--json', ...short)).out);
    const gap = await cli('merge', a, later);
    expect(gap.code).toBe(2);
    expect(gap.err).toContain(`${later}: indices[0]: 3 is not 2 (replications 2 are missing`);
    const allowed = await cli('merge', a, later, '--allow-gaps', '--json');
    expect(allowed.code).toBe(0);
    const merged = JSON.parse(allowed.out);
    expect(merged.indices).toEqual([0, 1, 3]);
    // The merged output is itself a shard.
    expect(JSON.parse((await cli('merge', file('merged.json', merged), '--allow-gaps', '--json')).out).indices).toEqual(
      [0, 1, 3],
    );
  });

  it('--replications refuses indices beyond 2^53 - 1 (two of them would be one double)', async () => {
    const r = await cli('run', line, '--replications', '9007199254740993..9007199254740994', ...short);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--replications: "9007199254740993..9007199254740994" has an index above 9007199254740991');
    expect((await cli('run', line, '--replications', '99999999999999999999', ...short)).code).toBe(2);
  });

  it('an unwritable --out fails before the run, naming the path and the system error', async () => {
    const blocker = file('blocker', 'a file where a directory should be');
    const out = join(blocker, 'sub', 'report');
    const r = await cli('run', line, '--replications', '2', '--out', out, ...short);
    expect(r.code).toBe(2);
    expect(r.err).toContain(join(blocker, 'sub'));
    expect(r.err).toMatch(/ENOTDIR|EEXIST/);
    expect(r.out).toBe(''); // refused before simulating anything
    if (process.platform === 'linux') {
      const proc = await cli('run', line, '--replications', '2', '--out', '/proc/nope', ...short);
      expect(proc.code).toBe(2);
      expect(proc.err).toMatch(/cannot write the report beside \/proc\/nope \(E[A-Z]+: .*\/proc\/\.nope\.staging-/);
      expect(proc.out).toBe('');
    }
    // The check leaves nothing behind: the probe is removed and no parent is created (the writer creates them).
    const parent = join(dir, 'probe-parent', 'nested');
    checkReportTarget(join(parent, 'report'));
    expect(existsSync(join(dir, 'probe-parent'))).toBe(false);
    expect(() => checkReportTarget(out)).toThrow(ReportError);
  });

  it('--start must be a real ISO date, named as --start', async () => {
    for (const bad of ['2025-02-30', '2025-1-1', 'tomorrow', '2025-13-01', '2025-01-01T00:00Z']) {
      const r = await cli('run', line, '--start', bad, '--years', '0.1', '--workers', '0', '--quiet');
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--start: "${bad}"`);
      expect(r.err).not.toContain('options.startDate');
      const c = await cli('compare', two, twoLessRail, '--start', bad, '--replications', '2', '--quiet');
      expect(c.code).toBe(2);
      expect(c.err).toContain(`--start: "${bad}"`);
    }
    expect((await cli('run', line, '--start', '2024-02-29', '--years', '0.1', '--workers', '0')).code).toBe(0);
  });

  it('compare names scenarios by their name, by path only when names clash', async () => {
    const s = twoRouteScenario();
    s.name = 'less rail';
    s.services[0]!.capacityTeu = 30;
    const lessRail = file('less-rail.json', s);
    const r = await cli('compare', two, lessRail, '--replications', '2', ...short);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`base:    two routes (${two})`);
    expect(r.out).toContain(`variant: less rail (${lessRail})`);
    expect(r.out).toContain('less rail − two routes (paired');
    expect(r.out).toMatch(/1\. less rail: /);
    const json = JSON.parse((await cli('compare', two, lessRail, '--replications', '2', '--json', ...short)).out);
    expect(json.base.name).toBe('two routes');
    expect(json.variants.map((v: { name: string }) => v.name)).toEqual(['less rail']);
    expect(json.files).toEqual({ 'two routes': two, 'less rail': lessRail });
    // two.json and two-less-rail.json are both "two routes": both go by their paths, the third by its name.
    const clash = JSON.parse(
      (await cli('compare', two, twoLessRail, lessRail, '--replications', '2', '--json', ...short)).out,
    );
    expect(clash.base.name).toBe(two);
    expect(clash.variants.map((v: { name: string }) => v.name)).toEqual([twoLessRail, 'less rail']);
    const twice = await cli('compare', two, two, '--replications', '2', ...short);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain('given twice');
  });

  it('exits quietly with code 0 when stdout is closed early (| head)', async () => {
    const r = await node('src/cli/main.ts', ['run', line, '--replications', '2', ...short], { closeStdout: true });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('runs as a script from paths with spaces, non-ASCII characters and symlinks', async () => {
    const odd = mkdtempSync(join(tmpdir(), 'corridor sim é ✓ '));
    // The CLI through a symlink, as npm's bin shim is (a link named corridor-sim to dist/cli/main.js).
    const bin = join(odd, 'corridor-sim');
    symlinkSync(join(repo, 'src/cli/main.ts'), bin);
    expect(await node(bin, ['--version'])).toMatchObject({ code: 0, out: `${VERSION}\n` });
    expect(isMainModule(pathToFileURL(join(repo, 'src/cli/main.ts')).href, bin)).toBe(true);
    expect(isMainModule(pathToFileURL(join(repo, 'src/cli/main.ts')).href, undefined)).toBe(false);
    expect(isMainModule(pathToFileURL(join(repo, 'src/cli/main.ts')).href, join(odd, 'missing.ts'))).toBe(false);
    // An example script (runIfMain) in such a folder, run directly and through a symlink.
    const script = join(odd, 'my example ü.ts');
    writeFileSync(
      script,
      `import { runIfMain } from ${JSON.stringify(pathToFileURL(join(repo, 'examples/lib.ts')).href)};\n` +
        "runIfMain(import.meta.url, async () => console.log('example ran'));\n",
    );
    const link = join(odd, 'link ü.ts');
    symlinkSync(script, link);
    expect(await node(script, [])).toMatchObject({ code: 0, out: 'example ran\n' });
    expect(await node(link, [])).toMatchObject({ code: 0, out: 'example ran\n' });
    expect(exampleIsMain(pathToFileURL(script).href, link)).toBe(true);
    expect(exampleIsMain(pathToFileURL(script).href, undefined)).toBe(false);
  });

  // A time multiplier of 1e308 used to fail at run time (exit 1); the schema's physical bound now refuses it up front.
  it('a slow-down by 1e308 is bad input (exit 2, naming the field), not a failure at run time', async () => {
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
    expect(r.code).toBe(2);
    expect(r.err).toContain('disruptions[0].effect.factor: 1e+308 is not <= 1000');
  });
});
