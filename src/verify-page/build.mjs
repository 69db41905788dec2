// Bundles the verifier (verifier/index.ts) with esbuild into dist/: an ESM module for the node
// tests now, and the browser page's Web Worker bundle later. Type-checking is tsc's job (npm test
// runs `tsc --noEmit` first); esbuild only strips the types.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: [path.join(here, 'verifier', 'index.ts')],
  outfile: path.join(here, 'dist', 'verifier.mjs'),
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
