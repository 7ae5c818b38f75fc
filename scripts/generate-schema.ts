/**
 * Writes the JSON Schema of scenario files to schema/scenario.schema.json and the people's reference generated from
 * it to docs/scenario-files.md, both formatted with the repository's biome settings:
 * `npx tsx scripts/generate-schema.ts`. Tests in tests/scenario/file.test.ts fail when either committed
 * file is stale.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { writeScenarioJsonSchema } from '../src/experiment/scenario-file.js';
import { scenarioReferenceMarkdown } from '../src/scenario/reference.js';

const schemaPath = 'schema/scenario.schema.json';
const referencePath = 'docs/scenario-files.md';
writeScenarioJsonSchema(schemaPath);
writeFileSync(referencePath, scenarioReferenceMarkdown());
execFileSync('npx', ['biome', 'format', '--write', schemaPath, referencePath], { stdio: 'inherit' });
console.log(`wrote ${schemaPath} and ${referencePath}`);
