// JSON Schema (draft-07, what yaml-language-server reads best) generated from the field table, so the
// committed schema/initsteps.schema.json cannot drift from the validator (a unit test compares them).
import type { Field } from './fields.js';
import { KINDS, SERVICE_DOCUMENT } from './fields.js';
import { FORMATS } from './formats.js';

type JsonSchema = Record<string, unknown>;

/** `Unconfined` → `^(?:[Uu][Nn]...)$`: JSON Schema regexes have no case-insensitive flag. */
const anyCase = (values: readonly string[]): string =>
  `^(?:${values
    .map((v) =>
      [...v]
        .map((c) =>
          c.toLowerCase() !== c.toUpperCase()
            ? `[${c.toUpperCase()}${c.toLowerCase()}]`
            : c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'),
        )
        .join(''),
    )
    .join('|')})$`;

function toSchema(field: Field): JsonSchema {
  const doc = field.description ? { description: field.description } : {};
  switch (field.type) {
    case 'string': {
      const base = {
        type: 'string',
        ...(field.minLength ? { minLength: field.minLength } : {}),
        ...(field.format ? { pattern: FORMATS[field.format].pattern } : {}),
      };
      if (!field.enum) return { ...doc, ...base };
      const accepted = [...field.enum, ...Object.keys(field.aliases ?? {})];
      if (!field.caseInsensitive) return { ...doc, type: 'string', enum: accepted };
      // The listed spellings first, so editors offer them; any case validates through the pattern.
      return { ...doc, anyOf: [{ enum: accepted }, { type: 'string', pattern: anyCase(accepted) }] };
    }
    case 'scalar':
      return {
        ...doc,
        type: field.booleans ? ['string', 'number', 'boolean'] : ['string', 'number'],
        ...(field.format ? { pattern: FORMATS[field.format].pattern } : {}),
      };
    case 'integer':
      return {
        ...doc,
        type: 'integer',
        ...(field.minimum !== undefined ? { minimum: field.minimum } : {}),
        ...(field.maximum !== undefined ? { maximum: field.maximum } : {}),
      };
    case 'boolean':
      return { ...doc, type: 'boolean' };
    case 'object':
      return {
        ...doc,
        type: field.nullable ? ['object', 'null'] : 'object',
        properties: Object.fromEntries(Object.entries(field.fields).map(([k, f]) => [k, toSchema(f)])),
        ...(field.required?.length ? { required: [...field.required] } : {}),
        additionalProperties: false,
      };
    case 'record':
      return {
        ...doc,
        type: 'object',
        ...(field.keyFormat ? { propertyNames: { pattern: FORMATS[field.keyFormat].pattern } } : {}),
        additionalProperties: toSchema(field.values),
      };
    case 'array':
      return {
        ...doc,
        type: 'array',
        items: toSchema(field.items),
        ...(field.minItems ? { minItems: field.minItems } : {}),
      };
    case 'union':
      return { ...doc, anyOf: field.variants.map(toSchema) };
  }
}

/** Per kind, the `spec` fields of the other kind are refused (`onlyFor` in the field table). */
function kindRules(): JsonSchema[] {
  const spec: Readonly<Record<string, Field>> = SERVICE_DOCUMENT.fields.spec.fields;
  return KINDS.map((kind) => ({
    if: { required: ['kind'], properties: { kind: { const: kind } } },
    then: {
      properties: {
        spec: {
          properties: Object.fromEntries(
            Object.entries(spec)
              .filter(([, f]) => f.onlyFor !== undefined && f.onlyFor.kind !== kind)
              .map(([key]) => [key, false]),
          ),
        },
      },
    },
  }));
}

export function buildSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'initsteps service or job',
    ...toSchema(SERVICE_DOCUMENT),
    allOf: kindRules(),
  };
}

/** The exact text of schema/initsteps.schema.json. */
export const schemaText = (): string => `${JSON.stringify(buildSchema(), null, 2)}\n`;
