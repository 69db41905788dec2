// The verifier runs in a browser's Web Worker: its sources import only each other and the three
// libraries, and name no Node API, DOM or network call. (esbuild's 'neutral' platform also fails
// the build on a Node built-in; this says which line did it.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../verifier');
const allowedPackages = /^(hash-wasm|@noble\/curves\/abstract\/weierstrass\.js|@noble\/hashes\/sha3\.js)$/;
const forbidden = /\b(Buffer|process\.|require\(|fetch\(|XMLHttpRequest|WebSocket|document\.|window\.|localStorage|importScripts)\b/;

for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts'))) {
  test(`verifier/${file} is pure`, () => {
    const source = readFileSync(path.join(folder, file), 'utf8');
    for (const [, specifier] of source.matchAll(/from '([^']+)'/g)) {
      assert.ok(specifier.startsWith('./') || allowedPackages.test(specifier), `${file} imports ${specifier}`);
    }
    const code = source.replace(/\/\/.*$/gm, '');
    assert.doesNotMatch(code, forbidden);
  });
}
