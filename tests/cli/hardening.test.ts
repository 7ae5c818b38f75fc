/**
 * CLI details (issue "Hardening"): help asked for goes to stdout with exit 0, help shown because of a usage error to
 * stderr with exit 2; `help <command>` is the command's help; `--` ends the options; unknown options get our own
 * message with the nearest valid one; tables align names by display width (CJK characters take two columns).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/cli/args.js';
import { table } from '../../src/cli/format.js';
import { displayWidth } from '../../src/cli/width.js';
import { lineScenario } from '../model/fixtures.js';
import { cli, corridorSim } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-sim-hardening-'));
const RAW_NODE_MESSAGE = 'To specify a positional argument';

/** Columns a line takes, counting CJK ideographs as two (independent of width.ts). */
const columns = (line: string) => [...line].length + (line.match(/\p{Script=Han}/gu)?.length ?? 0);

// Four child processes on a busy machine (tsx compiles the CLI in each): generous timeouts.
describe('corridor-sim as a process: streams and exit codes', { timeout: 240_000 }, () => {
  // Child processes started together on first use: each pays tsx's start-up once, side by side.
  let started: ReturnType<typeof start> | undefined;
  const start = () =>
    Promise.all([
      corridorSim(),
      cli('--help'),
      cli('help'),
      corridorSim('help', 'run'),
      cli('help', 'frobnicate'),
      corridorSim('run', '--', '--help'),
      corridorSim('merge', '--quiet'),
      cli('run', '--replication', '3'),
    ]);
  const runs = () => (started ??= start());

  it('no arguments: the global help on stderr, exit 2; --help and help: on stdout, exit 0', async () => {
    const [none, dashHelp, help] = await runs();
    expect(none.code).toBe(2);
    expect(none.out).toBe('');
    expect(none.err).toContain('corridor-sim: no command given');
    expect(none.err).toContain('Commands:');
    for (const asked of [dashHelp, help]) {
      expect(asked.code).toBe(0);
      expect(asked.err).toBe('');
      expect(asked.out).toContain('Commands:');
    }
  });

  it('help run prints run’s help, not the global help; help of an unknown command is a usage error', async () => {
    const [, , , helpRun, helpUnknown] = await runs();
    expect(helpRun.code).toBe(0);
    expect(helpRun.err).toBe('');
    expect(helpRun.out).toContain('corridor-sim run [scenario.json] [options]');
    expect(helpRun.out).toContain('--replications R');
    expect(helpRun.out).not.toContain('Commands:');
    expect(helpUnknown.code).toBe(2);
    expect(helpUnknown.out).toBe('');
    expect(helpUnknown.err).toContain('unknown command "frobnicate"');
  });

  it('-- ends the options: run -- --help reads a file named --help instead of printing help', async () => {
    const [, , , , , afterDashes] = await runs();
    expect(afterDashes.code).toBe(2);
    expect(afterDashes.out).toBe('');
    expect(afterDashes.err).toContain('"--help" is not a readable file');
  });

  it('merge --quiet is a clear usage error listing merge’s options', async () => {
    const [, , , , , , mergeQuiet] = await runs();
    expect(mergeQuiet.code).toBe(2);
    expect(mergeQuiet.out).toBe('');
    expect(mergeQuiet.err).toContain(
      'corridor-sim merge: unknown option --quiet; the options are --allow-gaps, --json, --out, --scenario, --help',
    );
    expect(mergeQuiet.err).not.toContain(RAW_NODE_MESSAGE);
  });

  it('an unknown option close to a valid one names it', async () => {
    const [, , , , , , , replication] = await runs();
    expect(replication.code).toBe(2);
    expect(replication.err).toContain('unknown option --replication; did you mean --replications?');
    expect(replication.err).not.toContain(RAW_NODE_MESSAGE);
  });
});

describe('corridor-sim options and tables', () => {
  it('suggests the nearest option or command only for a likely slip', async () => {
    expect(closest('--replication', ['--replications', '--seed'])).toBe('--replications');
    expect(closest('--sede', ['--replications', '--seed'])).toBe('--seed'); // two letters swapped
    expect(closest('--rep', ['--replications', '--seed'])).toBe('--replications'); // a prefix of one
    expect(closest('--colour', ['--replications', '--seed'])).toBeUndefined();
    expect((await cli('compare', 'a.json', 'b.json', '--rankby', 'x')).err).toContain('did you mean --rank-by?');
    expect((await cli('project', '--grwth', 'history')).err).toContain('did you mean --growth?');
    const command = await cli('rn');
    expect(command.code).toBe(2);
    expect(command.err).toContain('unknown command "rn"; did you mean run?');
    // `--` also ends the options of commands without positional arguments' options: a dashed name is a file.
    const network = await cli('network', '--geojson', '--', '--not-an-option');
    expect(network.code).toBe(2);
    expect(network.err).toContain('"--not-an-option" is not a readable file');
  });

  it('pads table columns by display width: CJK names take two columns per character', async () => {
    expect(displayWidth('重庆')).toBe(4);
    expect(displayWidth('Chongqing')).toBe(9);
    expect(displayWidth('ｔｅｕ')).toBe(6); // fullwidth Latin
    expect(displayWidth('e\u0301')).toBe(1); // e + combining acute accent
    expect(displayWidth('–')).toBe(1); // en dash (ambiguous width: one column)
    const text = table(
      ['corridor', 'TEU'],
      [
        ['西部陆海新通道', '2,074'],
        ['ILSTC', '12'],
      ],
    );
    expect(new Set(text.split('\n').map(columns))).toEqual(new Set([21]));

    const s = lineScenario();
    s.services[0]!.corridor = '西部陆海新通道';
    s.services[0]!.corridorMode = '铁海联运';
    const path = join(dir, 'cjk.json');
    writeFileSync(path, JSON.stringify(s));
    const run = await cli(
      'run',
      path,
      '--replications',
      '2',
      '--start',
      '2024-01-01',
      '--years',
      '0.1',
      '--workers',
      '0',
    );
    expect(run.code).toBe(0);
    const lines = run.out.split('\n');
    const header = lines.findIndex((l) => l.startsWith('corridor '));
    const block = lines.slice(header, header + 4); // header, rule, the corridor and its mode
    expect(block[2]).toMatch(/^西部陆海新通道 /);
    expect(block[3]).toMatch(/^西部陆海新通道\/铁海联运 /);
    expect(new Set(block.map(columns)).size).toBe(1);
  });
});
