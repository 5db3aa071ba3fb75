// The spec field reference (docs/spec-reference.md), generated from the same field table as the validator
// and the JSON Schema, so the documentation cannot drift from what is accepted.
import type { Field } from './fields.js';
import { SERVICE_DOCUMENT } from './fields.js';

interface Row {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

function typeName(field: Field): string {
  switch (field.type) {
    case 'string':
      if (field.enum)
        return [...field.enum, ...Object.keys(field.aliases ?? {})].map((v) => `\`${v}\``).join(' \\| ');
      return field.format ? `string (${field.format})` : 'string';
    case 'scalar':
      return field.format ? `string or number (${field.format})` : 'string or number';
    case 'integer':
      return field.minimum !== undefined || field.maximum !== undefined
        ? `integer ${field.minimum ?? ''}..${field.maximum ?? ''}`
        : 'integer';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'map';
    case 'record':
      return `map of ${typeName(field.values)}`;
    case 'array':
      return `list of ${typeName(field.items)}`;
    case 'union':
      return field.variants.map(typeName).join(', or ');
  }
}

/** Object fields reachable from `field` (through lists and unions), with the path suffix they hang under. */
function children(field: Field): [string, Field, boolean][] {
  switch (field.type) {
    case 'object':
      return Object.entries(field.fields).map(([k, f]) => [`.${k}`, f, field.required?.includes(k) ?? false]);
    case 'array':
      return children(field.items).map(([k, f, r]) => [`[]${k}`, f, r]);
    case 'union':
      return field.variants.flatMap(children);
    default:
      return [];
  }
}

function collect(prefix: string, field: Field, required: boolean, rows: Row[]): void {
  if (prefix) {
    const only = field.onlyFor ? `${field.onlyFor.kind} only. ` : '';
    rows.push({
      path: prefix,
      type: typeName(field),
      required,
      description: only + (field.description ?? ''),
    });
  }
  for (const [suffix, child, childRequired] of children(field)) {
    collect(`${prefix}${suffix}`.replace(/^\./, ''), child, childRequired, rows);
  }
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The exact text of docs/spec-reference.md. */
export function referenceMarkdown(): string {
  const rows: Row[] = [];
  collect('', SERVICE_DOCUMENT, true, rows);
  return [
    '# Spec field reference',
    '',
    '<!-- Generated from src/spec/fields.ts by `npm run schema`; a unit test fails while it is stale. -->',
    '',
    'One service or job per YAML document. `[]` marks a list item. Semantics: [docs/spec.md](spec.md).',
    '',
    '| field | type | required | description |',
    '|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| \`${r.path}\` | ${r.type.includes('`') ? r.type : cell(r.type)} | ${r.required ? 'yes' : ''} | ${cell(r.description)} |`,
    ),
    '',
  ].join('\n');
}
