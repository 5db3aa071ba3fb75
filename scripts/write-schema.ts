// Regenerates schema/initsteps.schema.json and docs/spec-reference.md from the spec field table
// (src/spec/fields.ts). Run after changing a field: `npm run schema`. Unit tests fail while either is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { referenceMarkdown } from '../src/spec/reference.js';
import { schemaText } from '../src/spec/schema.js';

for (const [relative, text] of [
  ['../schema/initsteps.schema.json', schemaText()],
  ['../docs/spec-reference.md', referenceMarkdown()],
] as const) {
  const target = fileURLToPath(new URL(relative, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
