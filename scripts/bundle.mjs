// `npm run bundle`: the three self-contained bundles the action and the published CLI run, with ncc.
//   dist/main/index.js  ← src/index.ts       (action.yml runs.main)
//   dist/post/index.js  ← src/post-index.ts  (action.yml runs.post)
//   dist/cli/index.js   ← src/cli/index.ts   (bin/initsteps.js)
// Unminified, with source maps and a licenses file. The output is deterministic so CI can rebuild and
// `git diff --exit-code dist/`: no cache, a fixed source-map prefix, and no native addons (ssh2's optional
// crypto binding and cpu-features exist only where their install scripts ran; ssh2 falls back to JS).
import { createRequire } from 'node:module';
import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundles = [
  { name: 'main', entry: 'src/index.ts' },
  { name: 'post', entry: 'src/post-index.ts' },
  { name: 'cli', entry: 'src/cli/index.ts' },
];
/**
 * CommonJS dependencies bundled into an ES module still read `__dirname`/`__filename` (ssh2's emscripten
 * poly1305, loaded by dockerode at startup); ES modules have neither, so the bundle defines them. One line
 * prepended, so the source map gets one empty line in front.
 */
const cjsGlobals =
  "import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; " +
  "import { dirname as __ncc_dirname } from 'node:path'; " +
  'const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);\n';

/** Assets that depend on the machine that installed node_modules, not on the sources. */
const machineSpecific = /\.(node|exe)$/;

/**
 * ncc compiles (and type-checks) TypeScript with the tsconfig.json nearest to the entry. The repository's
 * includes the tests, so a type error in any test would stop the bundle, and its NodeNext module setting
 * makes ts-loader emit CommonJS. So each bundle starts from a one-line entry in build/ncc/<name>/ next to
 * a tsconfig that covers only what that entry imports, emitting ES modules.
 */
async function entryFor(name, entry) {
  const dir = path.join(root, 'build', 'ncc', name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const source = path.relative(dir, path.join(root, entry)).split(path.sep).join('/').replace(/\.ts$/, '.js');
  await writeFile(path.join(dir, 'entry.ts'), `import '${source}';\n`);
  const tsconfig = {
    extends: path.relative(dir, path.join(root, 'tsconfig.json')).split(path.sep).join('/'),
    // Paths in an extended config are relative to it, but ncc's loader reads them relative to this one.
    compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', rootDir: path.relative(dir, root) },
    files: ['entry.ts'],
    include: [],
  };
  await writeFile(path.join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  return path.join(dir, 'entry.ts');
}

async function bundle({ name, entry }) {
  const out = path.join(root, 'dist', name);
  const { code, map, assets } = await ncc(await entryFor(name, entry), {
    cache: false,
    minify: false,
    sourceMap: true,
    // Sources are listed relative to dist/<name>/, where the map lives.
    sourceMapBasePrefix: '../../',
    license: 'licenses.txt',
    target: 'es2022',
    quiet: true,
  });
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  // Chunks of dynamic imports (the CLI's commands) are ES modules of their own and need the globals too.
  const files = { 'index.js': { source: code }, 'index.js.map': { source: map }, ...assets };
  let skipped = 0;
  for (const [file, asset] of Object.entries(files)) {
    if (machineSpecific.test(file)) {
      skipped++;
      continue;
    }
    let source = asset.source;
    if (file.endsWith('index.js')) source = cjsGlobals + source;
    if (file.endsWith('index.js.map')) {
      const sourceMap = JSON.parse(source);
      sourceMap.mappings = `;${sourceMap.mappings}`;
      source = JSON.stringify(sourceMap);
    }
    const target = path.join(out, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, source);
    if (asset.permissions) await chmod(target, asset.permissions);
  }
  const written = Object.keys(files).length - skipped;
  process.stdout.write(`dist/${name}/index.js  ${(code.length / 1024).toFixed(0)} kB, ${written} files\n`);
}

const only = process.argv.slice(2);
// One at a time: webpack is CPU- and memory-hungry, and in parallel it was slower, not faster.
for (const b of bundles.filter((b) => only.length === 0 || only.includes(b.name))) await bundle(b);
