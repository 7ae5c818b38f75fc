/**
 * Refactors change no result: each golden case's JSON must equal, byte for byte, the file recorded in
 * tests/golden/outputs/. A difference is a changed result; regenerate only deliberately (`npm run golden:update`)
 * and give the reason in the commit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenCases, goldenText } from './cases.js';

const dir = new URL('./outputs/', import.meta.url);

describe('golden outputs', () => {
  it.each(goldenCases.map((c) => [c.name, c] as const))(
    '%s is byte-identical to its recording',
    async (name, goldenCase) => {
      const expected = readFileSync(new URL(`${name}.json`, dir), 'utf8');
      const actual = goldenText(await goldenCase.compute());
      if (actual !== expected) {
        // A readable first difference instead of a multi-megabyte diff.
        const a = actual.split('\n');
        const e = expected.split('\n');
        const line = a.findIndex((l, i) => l !== e[i]);
        expect.fail(
          `${name}: first difference at line ${line + 1}\n  recorded: ${e[line]}\n  now:      ${a[line]}\n` +
            `(${e.length} recorded lines, ${a.length} now)`,
        );
      }
    },
    // Generous: a golden case is a result check, never a timing one (a busy machine must not fail it).
    900_000,
  );
});
