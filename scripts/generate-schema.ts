/**
 * Writes the JSON Schemas of scenario files and optimisation files to schema/scenario.schema.json and
 * schema/optimization.schema.json, and the people's references generated from them to docs/scenario-files.md and
 * docs/optimization-files.md, all formatted with the repository's biome settings:
 * `npx tsx scripts/generate-schema.ts`. Tests in tests/scenario/file.test.ts and tests/experiment/optimize.test.ts
 * fail when a committed file is stale.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { optimizationJsonSchemaText, optimizationReferenceMarkdown } from '../src/experiment/optimize/json-schema.js';
import { writeScenarioJsonSchema } from '../src/experiment/scenario-file.js';
import { scenarioReferenceMarkdown } from '../src/scenario/reference.js';

const schemaPath = 'schema/scenario.schema.json';
const referencePath = 'docs/scenario-files.md';
const optimizationSchemaPath = 'schema/optimization.schema.json';
const optimizationReferencePath = 'docs/optimization-files.md';
writeScenarioJsonSchema(schemaPath);
writeFileSync(referencePath, scenarioReferenceMarkdown());
writeFileSync(optimizationSchemaPath, optimizationJsonSchemaText());
writeFileSync(optimizationReferencePath, optimizationReferenceMarkdown());
const written = [schemaPath, referencePath, optimizationSchemaPath, optimizationReferencePath];
execFileSync('npx', ['biome', 'format', '--write', ...written], { stdio: 'inherit' });
console.log(`wrote ${written.join(', ')}`);
