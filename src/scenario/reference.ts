/**
 * The scenario-file reference for people: the JSON Schema of scenario files rendered as Markdown (one table per
 * definition: field, type, required, constraints, description). `scripts/generate-schema.ts` writes it to
 * docs/scenario-files.md next to the schema, and a test fails when the committed file is stale, so the reference
 * never drifts from what `loadScenario` accepts.
 *
 * @module
 */
import { scenarioJsonSchema } from './json-schema.js';

type Json = Record<string, unknown>;

/** Renders a JSON Schema node's type in words, with links to definitions (`[HubSpec](#hubspec)`). */
function typeOf(node: Json): string {
  const ref = node.$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').at(-1) as string;
    return `[${name}](#${name.toLowerCase()})`;
  }
  if ('const' in node) return `\`${JSON.stringify(node.const)}\``;
  if (Array.isArray(node.enum)) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  const union = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (Array.isArray(union)) return union.map(typeOf).join(' or ');
  if (node.type === 'array') return `${typeOf((node.items as Json | undefined) ?? {})}[]`;
  if (node.type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object') {
    return `{ [key]: ${typeOf(node.additionalProperties as Json)} }`;
  }
  if (Array.isArray(node.type)) return node.type.join(' or ');
  return typeof node.type === 'string' ? node.type : 'any';
}

/** Constraints in words: `≥ 0`, `> 0`, `1–12 items`, `pattern ...`. */
function constraintsOf(node: Json): string {
  const out: string[] = [];
  if (typeof node.minimum === 'number') out.push(`≥ ${node.minimum}`);
  if (typeof node.exclusiveMinimum === 'number') out.push(`> ${node.exclusiveMinimum}`);
  if (typeof node.maximum === 'number') out.push(`≤ ${node.maximum}`);
  if (typeof node.exclusiveMaximum === 'number') out.push(`< ${node.exclusiveMaximum}`);
  if (typeof node.minLength === 'number' && node.minLength > 0) out.push('non-empty');
  if (typeof node.minItems === 'number' || typeof node.maxItems === 'number') {
    const lo = node.minItems ?? 0;
    const hi = node.maxItems;
    out.push(hi === undefined ? `≥ ${lo} items` : lo === hi ? `${lo} items` : `${lo}–${hi} items`);
  }
  if (typeof node.format === 'string') out.push(node.format);
  if (typeof node.pattern === 'string') out.push(`pattern \`${node.pattern}\``);
  if (node.type === 'array' && node.items && typeof node.items === 'object') {
    const inner = constraintsOf(node.items as Json);
    if (inner) out.push(`each ${inner}`);
  }
  return out.join(', ');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');

/** Rows for an object's properties; inline objects are expanded with dotted paths. */
function rows(node: Json, prefix: string): string[] {
  const properties = (node.properties ?? {}) as Record<string, Json>;
  const required = new Set((node.required ?? []) as string[]);
  const out: string[] = [];
  for (const [name, child] of Object.entries(properties)) {
    const path = `${prefix}${name}`;
    const description = typeof child.description === 'string' ? child.description : '';
    const inline = child.type === 'object' && child.properties !== undefined;
    const items = child.type === 'array' ? (child.items as Json | undefined) : undefined;
    const inlineItems = items?.type === 'object' && items.properties !== undefined;
    const type = inline ? 'object' : inlineItems ? 'object[]' : cell(typeOf(child));
    out.push(
      `| \`${path}\` | ${type} | ${required.has(name) ? 'yes' : ''} | ` +
        `${cell(constraintsOf(child))} | ${cell(description)} |`,
    );
    if (inline) out.push(...rows(child, `${path}.`));
    if (inlineItems) out.push(...rows(items as Json, `${path}[].`));
  }
  return out;
}

/** The scenario-file reference as Markdown (deterministic: same schema, same text). */
export function scenarioReferenceMarkdown(): string {
  return referenceMarkdown(scenarioJsonSchema(), {
    title: 'Scenario files: reference',
    source: 'the scenario schema',
    intro:
      'A file is either a whole scenario ([FullScenarioFile](#fullscenariofile)) or the bundled one with changes ' +
      '([ExtendsScenarioFile](#extendsscenariofile)). Unknown keys are errors; every error names its JSON path and ' +
      'value. Check a file with `corridor-sim validate file.json`; point an editor at ' +
      '`schema/scenario.schema.json` (or `corridor-sim schema`) for completion.',
  });
}

/**
 * A file format's reference as Markdown, from its JSON Schema: the title, a note that the text is generated, the
 * schema's description, `intro`, a table of contents and one table per definition (deterministic: same schema,
 * same text).
 */
export function referenceMarkdown(
  generated: Record<string, unknown>,
  heading: { title: string; source: string; intro: string },
): string {
  const schema = generated as Json;
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const parts: string[] = [
    `# ${heading.title}`,
    '',
    `<!-- Generated by \`npx tsx scripts/generate-schema.ts\` from ${heading.source}; do not edit by hand. -->`,
    '',
    typeof schema.description === 'string' ? schema.description : '',
    '',
    heading.intro,
    '',
    'Contents: ' +
      Object.keys(defs)
        .map((name) => `[${name}](#${name.toLowerCase()})`)
        .join(' · '),
  ];
  for (const [name, def] of Object.entries(defs)) {
    parts.push('', `## ${name}`, '');
    if (typeof def.description === 'string') parts.push(def.description, '');
    const union = (def.oneOf ?? def.anyOf) as Json[] | undefined;
    if (Array.isArray(union)) {
      const inline = union.filter((u) => u.type === 'object' && u.properties !== undefined);
      if (inline.length === 0) {
        parts.push(`One of: ${union.map(typeOf).join(', ')}.`);
        continue;
      }
      // Inline alternatives (e.g. timetables): one table each, titled by their discriminating constant.
      for (const alternative of inline) {
        const properties = alternative.properties as Record<string, Json>;
        const tag = Object.entries(properties).find(([, p]) => 'const' in p);
        if (parts.at(-1) !== '') parts.push('');
        parts.push(
          `### ${name}: ${tag ? `\`${tag[0]}: ${JSON.stringify(tag[1].const)}\`` : 'object'}`,
          '',
          ...(typeof alternative.description === 'string' ? [alternative.description, ''] : []),
          '| field | type | required | constraints | description |',
          '| --- | --- | --- | --- | --- |',
          ...rows(alternative, ''),
        );
      }
      continue;
    }
    parts.push('| field | type | required | constraints | description |', '| --- | --- | --- | --- | --- |');
    parts.push(...rows(def, ''));
  }
  return `${parts.join('\n')}\n`;
}
