/**
 * CLI details (issue "Hardening"): help asked for goes to stdout with exit 0, help shown because of a usage error to
 * stderr with exit 2; `help <command>` is the command's help; `--` ends the options; unknown options get our own
 * message with the nearest valid one.
 */
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/cli/args.js';
import { cli, corridorSim } from './run-cli.js';

const RAW_NODE_MESSAGE = 'To specify a positional argument';

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
      'corridor-sim merge: unknown option --quiet; the options are --json, --out, --scenario, --help',
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
});
