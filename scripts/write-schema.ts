// Regenerates schema/initsteps.schema.json from the spec field table (src/spec/fields.ts).
// Run after changing a field: `npm run schema`. A unit test fails while the committed file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaText } from '../src/spec/schema.js';

const target = fileURLToPath(new URL('../schema/initsteps.schema.json', import.meta.url));
writeFileSync(target, schemaText());
console.log(`wrote ${target}`);
