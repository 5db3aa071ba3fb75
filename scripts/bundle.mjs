// `npm run bundle`: what the action and the published CLI run, built with esbuild in one pass.
//   dist/main/index.js  ← src/index.ts       (action.yml runs.main)
//   dist/post/index.js  ← src/post-index.ts  (action.yml runs.post)
//   dist/cli/index.js   ← src/cli/index.ts   (bin/initsteps.js)
//   dist/chunks/*.js    code the three share, and what they import only when a run gets to it
//   dist/licenses.txt   the license of every bundled package
// ES modules, unminified, no source maps (docs/benchmarks.md, "Start-up" says why). The output is
// deterministic so CI can rebuild and `git diff --exit-code dist/`.
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

const entryPoints = {
  'main/index': 'src/index.ts',
  'post/index': 'src/post-index.ts',
  'cli/index': 'src/cli/index.ts',
};

/**
 * CommonJS dependencies bundled into ES modules still call `require` for Node's built-ins and read
 * `__dirname`/`__filename` (ssh2 does, loaded with dockerode); ES modules have none of them, so every
 * output file defines them. The directory and file go by other names (`define` below points the
 * dependencies' free `__dirname`/`__filename` at them): some ES module dependencies declare their own.
 */
const cjsGlobals = [
  "import { createRequire as __bundle_createRequire } from 'node:module';",
  "import { fileURLToPath as __bundle_fileURLToPath } from 'node:url';",
  "import { dirname as __bundle_parentDir } from 'node:path';",
  'const require = __bundle_createRequire(import.meta.url);',
  'const __bundle_filename = __bundle_fileURLToPath(import.meta.url);',
  'const __bundle_dirname = __bundle_parentDir(__bundle_filename);',
].join(' ');

/**
 * What the bundle leaves out, each replaced by a module that fails when called:
 * - dockerode's BuildKit session (`buildImage` with `version: "2"`) and BuildKit progress parsing: nothing
 *   here builds images, and they are what brings gRPC, protobufjs and their `.proto` files, which dockerode
 *   requires when it loads.
 * - @actions/core's OIDC client (`getIDToken`, never called here): it is what brings @actions/http-client
 *   and undici (~0.8 MB) into the start of every step; the cache client, loaded only when a run restores or
 *   saves, still brings them.
 * - native addons (ssh2's optional crypto binding, and cpu-features, which is one): they exist only where
 *   their install scripts ran, so they would make the bundle depend on the machine that built it; ssh2
 *   loads both in a try and falls back to JavaScript.
 */
const notBundled = (what) => `new Error(${JSON.stringify(`initsteps does not bundle ${what}`)})`;
const leftOut = [
  {
    module: 'dockerode/lib/session.js',
    importer: /[\\/]dockerode[\\/]lib$/,
    request: './session',
    contents: `module.exports = (docker, auth, handler) => handler(${notBundled("dockerode's BuildKit session")});`,
  },
  {
    module: 'dockerode/lib/buildkit.js',
    importer: /[\\/]dockerode[\\/]lib$/,
    request: './buildkit',
    contents: `exports.followProgress = () => { throw ${notBundled("dockerode's BuildKit progress")}; };`,
  },
  {
    module: '@actions/core/lib/oidc-utils.js',
    importer: /[\\/]@actions[\\/]core[\\/]lib$/,
    request: './oidc-utils.js',
    contents: `export class OidcClient { static getIDToken() { throw ${notBundled("@actions/core's OIDC client")}; } }`,
  },
];
const leaveOut = {
  name: 'leave-out',
  setup(build) {
    build.onResolve({ filter: /^\.\/(session|buildkit|oidc-utils\.js)$/ }, (args) => {
      const match = leftOut.find((l) => l.request === args.path && l.importer.test(args.resolveDir));
      return match && { path: match.module, namespace: 'left-out' };
    });
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: leftOut.find((l) => l.module === args.path).contents,
      loader: 'js',
    }));
    build.onResolve({ filter: /\.node$|^cpu-features$/ }, (args) => ({
      path: args.path,
      namespace: 'no-native',
    }));
    build.onLoad({ filter: /.*/, namespace: 'no-native' }, (args) => ({
      contents: `throw ${notBundled(`the native addon ${args.path}`)};`,
      loader: 'js',
    }));
  },
};

/** The package a bundled file belongs to, by its path under node_modules. */
function packageDir(file) {
  const parts = file.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const name = parts[at + 1]?.startsWith('@') ? parts.slice(at + 1, at + 3) : parts.slice(at + 1, at + 2);
  return [...parts.slice(0, at + 1), ...name].join('/');
}

/** One entry per bundled package: name, license, and its license file's text (as ncc wrote them). */
async function licenses(metafile) {
  const dirs = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, input] of Object.entries(output.inputs)) {
      const dir = packageDir(file);
      if (dir && input.bytesInOutput > 0) dirs.add(dir);
    }
  }
  const entries = [];
  for (const dir of dirs) {
    const pkg = JSON.parse(await readFile(path.join(root, dir, 'package.json'), 'utf8'));
    const licenseFile = (await readdir(path.join(root, dir)))
      .sort()
      .find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licenseFile ? (await readFile(path.join(root, dir, licenseFile), 'utf8')).trim() : '';
    entries.push({
      name: pkg.name,
      // `licenses: [{ type }]` is the old form of `license` (ssh2 still uses it).
      text: [pkg.name, pkg.license ?? pkg.licenses?.map((l) => l.type).join(' OR '), text]
        .filter(Boolean)
        .join('\n'),
    });
  }
  // Several copies of one package (nested versions) appear once each; sorted so the file is stable.
  const unique = [...new Set(entries.sort((a, b) => a.name.localeCompare(b.name)).map((e) => e.text))];
  return `${unique.join('\n\n')}\n`;
}

await rm(dist, { recursive: true, force: true });
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints,
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Paths as the repository has them (node_modules/…), even where node_modules is a symlink.
  preserveSymlinks: true,
  banner: { js: cjsGlobals },
  define: { __filename: '__bundle_filename', __dirname: '__bundle_dirname' },
  legalComments: 'none',
  plugins: [leaveOut],
  metafile: true,
  logLevel: 'warning',
});
await writeFile(path.join(dist, 'licenses.txt'), await licenses(result.metafile));
// The bundle is ES modules whatever package.json sits above dist/.
await writeFile(path.join(dist, 'package.json'), '{ "type": "module" }\n');

const outputs = Object.entries(result.metafile.outputs).map(([file, o]) => [
  path.relative(root, file),
  o.bytes,
]);
const total = outputs.reduce((n, [, bytes]) => n + bytes, 0);
for (const [file, bytes] of outputs.filter(([f]) => !f.includes('/chunks/'))) {
  process.stdout.write(`${file}  ${(bytes / 1024).toFixed(0)} kB\n`);
}
process.stdout.write(`${outputs.length} files, ${(total / 1024).toFixed(0)} kB of JavaScript\n`);
