/**
 * Records the golden outputs (tests/golden/outputs/*.json) from the current code. Run only deliberately, when a
 * result is meant to change, and give the reason in the commit: `npm run golden:update [-- name ...]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { goldenCases, goldenText } from '../tests/golden/cases.js';

const dir = new URL('../tests/golden/outputs/', import.meta.url);
mkdirSync(dir, { recursive: true });
const only = process.argv.slice(2);
const unknown = only.filter((n) => !goldenCases.some((c) => c.name === n));
if (unknown.length > 0) {
  console.error(`unknown golden case(s): ${unknown.join(', ')}; known: ${goldenCases.map((c) => c.name).join(', ')}`);
  process.exit(2);
}
for (const c of goldenCases) {
  if (only.length > 0 && !only.includes(c.name)) continue;
  const text = goldenText(await c.compute());
  writeFileSync(new URL(`${c.name}.json`, dir), text);
  console.log(`${c.name}: ${text.length} bytes`);
}
