// Property: structural mutations of the contract example never make the loader throw, and every
// problem is positioned (file, line ≥ 1, col ≥ 1). 4,500 documents.
import fc from 'fast-check';
import { it } from 'vitest';
import { stringify } from 'yaml';
import { exampleDocs, FUZZ_TIMEOUT_MS, loadPositioned, mutate, mutation } from './fuzz-support.js';

it(
  'deleted, retyped, renamed, duplicated and wrapped keys (4,500 documents)',
  () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('yaml', 'json', 'two-docs'),
        fc.boolean(),
        (ms, form, allow) => {
          const [tb, other] = exampleDocs;
          const doc = mutate(tb, ms);
          const text =
            form === 'json'
              ? JSON.stringify(doc, null, 1)
              : form === 'yaml'
                ? stringify(doc)
                : `${stringify(other)}---\n${stringify(doc)}`;
          loadPositioned(text, allow);
        },
      ),
      { numRuns: 4500 },
    );
  },
  FUZZ_TIMEOUT_MS,
);
