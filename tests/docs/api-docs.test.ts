/**
 * The API documentation (`npm run docs`, typedoc over the package's two entry points) builds without a warning:
 * every exported symbol it links to is exported and documented where referenced, and every {@link} resolves.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const typedoc = fileURLToPath(new URL('../../node_modules/typedoc/bin/typedoc', import.meta.url));

describe('API documentation', () => {
  it('typedoc validates the public API with warnings treated as errors', () => {
    let output = '';
    try {
      output = execFileSync(process.execPath, [typedoc, '--emit', 'none', '--treatWarningsAsErrors'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`typedoc failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
    expect(output).not.toMatch(/warning|error/i);
  }, 60_000);
});
