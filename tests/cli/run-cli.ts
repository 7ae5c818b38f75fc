/** Running the CLI in tests: in this process with captured output ({@link cli}), or as a child node ({@link node}). */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { main } from '../../src/cli/main.js';

/** The repository's root. */
export const repo = resolve(import.meta.dirname, '../..');

/** Runs `corridor-sim …argv` in this process: exit code, stdout and stderr (lines joined). */
export async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), quietProgress: true });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs a TypeScript script in a child node (through tsx, resolved from the repository); `closeStdout` at once. */
export function node(script: string, args: string[], options: { closeStdout?: boolean } = {}) {
  return new Promise<{ code: number | null; out: string; err: string }>((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repo });
    let out = '';
    let err = '';
    if (options.closeStdout)
      child.stdout.destroy(); // like `| head` having read enough
    else child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
  });
}

/** Runs the CLI (src/cli/main.ts) as a child node. */
export function corridorSim(...argv: string[]) {
  return node('src/cli/main.ts', argv);
}
