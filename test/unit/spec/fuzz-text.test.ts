// Property: junk in the text (YAML tokens, anchors and aliases, control and binary characters) and
// random YAML values never make the loader throw; every problem is positioned. 6,000 documents.
import fc from 'fast-check';
import { it } from 'vitest';
import { stringify } from 'yaml';
import { firstDocText, FUZZ_TIMEOUT_MS, junk, loadPositioned } from './fuzz-support.js';

it(
  'junk injected into the contract example (4,500 documents)',
  () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), junk, fc.nat({ max: 6 })), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (edits, allow) => {
          let text = firstDocText;
          for (const [at, insert, cut] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + cut);
          }
          loadPositioned(text, allow);
        },
      ),
      { numRuns: 4500 },
    );
  },
  FUZZ_TIMEOUT_MS,
);

it(
  'random YAML values as whole documents and as the spec (1,500 documents)',
  () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.boolean(), (value, asSpec) => {
        const doc = asSpec
          ? { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: value }
          : value;
        loadPositioned(stringify(doc), false);
      }),
      { numRuns: 1500 },
    );
  },
  FUZZ_TIMEOUT_MS,
);
