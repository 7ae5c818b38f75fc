/**
 * Writes the JSON Schema of scenario files to schema/scenario.schema.json (or to the path given) and formats it with
 * the repository's biome settings: `npx tsx scripts/generate-schema.ts [path]`. A test in
 * tests/experiment/scenario-file.test.ts fails when the committed file is stale.
 */
import { execFileSync } from 'node:child_process';
import { writeScenarioJsonSchema } from '../src/experiment/schema.js';

const path = process.argv[2] ?? 'schema/scenario.schema.json';
writeScenarioJsonSchema(path);
execFileSync('npx', ['biome', 'format', '--write', path], { stdio: 'inherit' });
console.log(`wrote ${path}`);
