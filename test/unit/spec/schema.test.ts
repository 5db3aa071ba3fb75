// The committed JSON Schema is exactly what the field table generates (run `npm run schema` to update).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { referenceMarkdown } from '../../../src/spec/reference.js';
import { schemaText } from '../../../src/spec/schema.js';

const committed = fileURLToPath(new URL('../../../schema/initsteps.schema.json', import.meta.url));

it('schema/initsteps.schema.json is up to date with src/spec/fields.ts', () => {
  expect(readFileSync(committed, 'utf8'), 'stale schema: run `npm run schema`').toBe(schemaText());
});

it('is a closed draft-07 schema for one Service document', () => {
  const schema = JSON.parse(schemaText()) as Record<string, unknown>;
  expect(schema).toMatchObject({
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
  });
  // Case-insensitive enums keep their spellings for completion and accept any case through a pattern.
  const props = (o: unknown, ...keys: string[]): unknown =>
    keys.reduce((at, k) => (at as Record<string, Record<string, unknown>>).properties?.[k], o);
  const seccompType = props(schema, 'spec', 'securityContext', 'seccompProfile', 'type') as {
    anyOf: unknown[];
  };
  expect(seccompType.anyOf).toEqual([
    { enum: ['Unconfined', 'RuntimeDefault', 'Localhost', 'default'] },
    {
      type: 'string',
      pattern:
        '^(?:[Uu][Nn][Cc][Oo][Nn][Ff][Ii][Nn][Ee][Dd]|[Rr][Uu][Nn][Tt][Ii][Mm][Ee][Dd][Ee][Ff][Aa][Uu][Ll][Tt]|[Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt]|[Dd][Ee][Ff][Aa][Uu][Ll][Tt])$',
    },
  ]);
});

it('docs/spec-reference.md is up to date with src/spec/fields.ts', () => {
  const reference = fileURLToPath(new URL('../../../docs/spec-reference.md', import.meta.url));
  expect(readFileSync(reference, 'utf8'), 'stale reference: run `npm run schema`').toBe(referenceMarkdown());
  expect(referenceMarkdown()).toContain(
    '| `spec.initSteps[].runIf.type` | `freshVolume` \\| `fileMissing` \\| `always` |',
  );
});
