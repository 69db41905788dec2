// Bundles with esbuild (type-checking is tsc's job: npm test runs `tsc --noEmit` first; esbuild only
// strips the types):
// - the verifier (verifier/index.ts) into dist/verifier.mjs, an ESM module for the node tests, and
//   the page's node client (page/anchor-canonicality.ts) into dist/anchor-canonicality.mjs, for its own;
// - the verification page (page/) into the Service's wwwroot/verify/: main.js and audit.js for the
//   two pages, worker.js for the Web Worker (its own bundle), and the HTML and CSS as they are.
// The page's output is committed (docs/decisions/0014-verify-page-built-output-committed.md), so
// `dotnet run` needs no npm step. `--check` builds it in memory and fails if the committed files
// differ from a fresh build, or if any file there is not one the build makes. The output is
// deterministic: no timestamps, no hashes in names, paths relative to the repository root.
import { build } from 'esbuild';
import { readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const repositoryRoot = path.resolve(here, '..', '..');
const pageOutput = path.join(repositoryRoot, 'src', 'EvidenceChain.Service', 'wwwroot', 'verify');
const check = process.argv.includes('--check');

await build({
  entryPoints: {
    verifier: path.join(here, 'verifier', 'index.ts'),
    'anchor-canonicality': path.join(here, 'page', 'anchor-canonicality.ts'),
  },
  outdir: path.join(here, 'dist'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  // 'neutral' resolves no Node built-ins: an import of one fails the build, which keeps the
  // verifier runnable in a browser worker.
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
});

const page = await build({
  absWorkingDir: repositoryRoot,
  entryPoints: {
    main: path.join(here, 'page', 'main.ts'),
    audit: path.join(here, 'page', 'audit.ts'),
    worker: path.join(here, 'page', 'worker.ts'),
  },
  outdir: pageOutput,
  bundle: true,
  // Each entry its own file, no shared chunks: the worker loads alone, and names stay stable.
  splitting: false,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  // Not minified: a court's expert may read what ran. Non-ASCII is escaped, so no charset can garble it.
  charset: 'ascii',
  legalComments: 'inline',
  write: false,
  logLevel: 'warning',
});

const copied = ['index.html', 'audit.html', 'styles.css'];
const expected = new Map(page.outputFiles.map((file) => [path.basename(file.path), Buffer.from(file.contents)]));
for (const name of copied) expected.set(name, await readFile(path.join(here, 'page', name)));

if (check) {
  const present = await readdir(pageOutput).catch(() => []);
  const problems = [];
  for (const [name, contents] of expected) {
    const committed = await readFile(path.join(pageOutput, name)).catch(() => null);
    if (committed === null) problems.push(`${name} is missing`);
    else if (!committed.equals(contents)) problems.push(`${name} differs from a fresh build`);
  }
  for (const name of present) if (!expected.has(name)) problems.push(`${name} is not made by the build`);
  if (problems.length > 0) {
    console.error(`The committed page in ${path.relative(repositoryRoot, pageOutput)} is not what build.mjs makes: ${problems.join('; ')}.`);
    console.error('Run `node src/verify-page/build.mjs` and commit the result.');
    process.exit(1);
  }
  console.log(`The committed page in ${path.relative(repositoryRoot, pageOutput)} equals a fresh build (${expected.size} files).`);
} else {
  await mkdir(pageOutput, { recursive: true });
  for (const [name, contents] of expected) await writeFile(path.join(pageOutput, name), contents);
}
