// Runs the published single-file `evidencechain` (eng/publish-verifiers.sh) as a court would: every case of
// tests/vectors/receipts/manifest.json through `verify` with exactly the inputs the case names, asserting the exit
// code and the failure's name or, for valid cases, the log time, timestamps and anchors the manifest lists; then
// directory names without ICU, `hash` against Node's own SHA-256 and SM3, and `certificate --offline`. Each
// `verify` and `hash` runs under glibc's LD_DEBUG=libs: looking for OpenSSL, libsodium or ICU, or loading anything
// beyond the C and C++ runtimes, fails it (docs/verifier.md says what those are and why).
//
//   node --test --test-reporter=spec eng/verifier-conformance.test.mjs
//
// EVIDENCECHAIN_VERIFIER names another file to run (default: artifacts/verifiers/linux-x64/evidencechain).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.join(root, 'tests/vectors/receipts');
const verifier = path.resolve(process.env.EVIDENCECHAIN_VERIFIER ?? path.join(root, 'artifacts/verifiers/linux-x64/evidencechain'));
const manifest = JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8'));

// .NET's cryptography on Linux (OpenSSL), NSec's (libsodium) and globalization's (ICU): the court's file must not
// even look for them, so a machine without them, or with other versions, verifies the same.
const forbidden = /lib(ssl|crypto|sodium|icu[a-z0-9]*)\.so/;

// What the runtime itself is linked against: the dynamic loader, glibc (libdl, libpthread and librt are parts of it
// since 2.34), libm, and the C++ runtime CoreCLR is written in; LTTng's tracepoint provider where it is installed.
const platform = /^(ld-linux[-a-z0-9_.]*|lib(c|m|dl|pthread|rt|stdc\+\+|gcc_s)|liblttng-ust[-a-z]*)\.so[.0-9]*$/;

/** Runs the verifier under LD_DEBUG=libs, returning the libraries it loaded too. */
function run(args, { cwd = folder } = {}) {
  assert.ok(existsSync(verifier), `${verifier} does not exist: run eng/publish-verifiers.sh first`);
  const scratch = mkdtempSync(path.join(tmpdir(), 'evidencechain-conformance-'));
  try {
    const env = { ...process.env, LD_DEBUG: 'libs', LD_DEBUG_OUTPUT: path.join(scratch, 'ld') };
    const result = spawnSync(verifier, args, { cwd, env, encoding: 'utf8', maxBuffer: 1 << 24 });
    assert.equal(result.error, undefined, String(result.error));
    const trace = readdirSync(scratch).filter((f) => f.startsWith('ld')).map((f) => readFileSync(path.join(scratch, f), 'utf8')).join('');
    const loaded = [...new Set([...trace.matchAll(/calling init: (\S+)/g)].map((m) => path.basename(m[1])))].sort();
    assert.ok(loaded.length > 0, 'LD_DEBUG=libs traced nothing: the verifier must run on glibc for this check');
    const sought = [...new Set(trace.split('\n').filter((line) => forbidden.test(line)).map((line) => line.trim()))];
    assert.deepEqual(sought, [], `${args[0]} looked for a system cryptographic or ICU library`);
    assert.deepEqual(loaded.filter((name) => !platform.test(name)), [], `${args[0]} loaded a library beyond the runtime's own: ${loaded.join(', ')}`);
    return { ...result, loaded };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The report's sections (a heading line, then its indented lines) by heading. */
function sections(report) {
  return report.split(/\n\s*\n/).map((block) => block.split('\n')).map(([heading, ...lines]) => ({
    heading,
    value: (label) => lines.map((l) => l.trim()).find((l) => l.startsWith(label + ': '))?.slice(label.length + 2),
  }));
}

function verifyArguments(testCase) {
  return [
    'verify', testCase.receipt, '--file', testCase.content, '--salt', testCase.salt, '--key', testCase.log_keys,
    ...testCase.tsa_roots.flatMap((file) => ['--tsa-root', file]),
    ...testCase.operator_tsa.flatMap((file) => ['--operator-tsa', file]),
    '--lang', 'en',
  ];
}

test('the manifest lists cases', () => {
  assert.equal(manifest.format, 'evidencechain-receipt-conformance/v1');
  assert.ok(manifest.cases.length >= 20);
});

for (const testCase of manifest.cases) {
  test(`verify ${testCase.name}`, () => {
    const { status, stdout, stderr } = run(verifyArguments(testCase));
    const report = sections(stdout);
    if (testCase.expect !== 'valid') {
      assert.equal(status, 1, stdout + stderr);
      assert.match(stdout, /^Verdict: invalid$/m);
      assert.equal(stdout.match(/^Reason: .* \[(\w+)\]$/m)?.[1], testCase.expect, stdout);
      return;
    }

    assert.equal(status, 0, stdout + stderr);
    assert.match(stdout, /^Verdict: valid$/m);
    assert.equal(report.find((s) => s.heading === 'Facts')?.value("accepted at (UTC, the notary's claim)"), testCase.log_time);
    assert.deepEqual(
      report.filter((s) => s.heading.startsWith('Trusted time')).map((s) => {
        const [, time, accuracySeconds] = s.value("time (UTC, the verified token's genTime)").match(/^(\S+)(?: ± ([0-9.]+) s)?$/);
        return {
          authority: s.value("the notary's name for this TSA (a label only)"),
          tree_size: Number(s.value('timestamped checkpoint tree size')),
          gen_time: time,
          accuracy_ms: accuracySeconds === undefined ? null : Math.round(Number(accuracySeconds) * 1000),
          tsa: s.value("TSA (its certificate's subject)"),
          source: s.value('time source') === 'independent TSA' ? 'independent' : 'operator',
        };
      }),
      testCase.timestamps,
    );
    assert.deepEqual(
      report.filter((s) => s.heading.startsWith('Chain anchor (EVM')).map((s) => ({
        type: 'evm',
        chain_id: Number(s.value('chain id')),
        tree_size: Number(s.value('anchored checkpoint tree size')),
        block_number: Number(s.value('block number')),
        block_time: new Date(s.value('block time (UTC, from the verified block header)')).toISOString(),
      })),
      testCase.anchors,
    );
  });
}

test('verify --dir refuses a name it cannot bring to NFC without ICU, and takes a Chinese one', () => {
  // Invariant globalization makes .NET's normalization a silent no-op: a decomposed name must be refused (exit 2),
  // never checked in a form other than the one deposited; names NFC cannot change go on to the verdict.
  const scratch = mkdtempSync(path.join(tmpdir(), 'evidencechain-names-'));
  try {
    for (const [name, status] of [['cafe\u0301.txt', 2], ['中文.txt', 1]]) {
      const directory = path.join(scratch, String(status));
      mkdirSync(directory);
      writeFileSync(path.join(directory, name), 'not the deposit');
      const result = run(['verify', 'v2-no-timestamps.receipt.json', '--dir', directory, '--salt', 'hello-court.salt.json', '--key', 'log.vkeys', '--lang', 'en']);
      assert.equal(result.status, status, result.stdout + result.stderr);
      if (status === 2) {
        assert.match(result.stderr, /cannot compute \(it runs without ICU\)/);
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('hash gives the SHA-256 and SM3 of a file crossing the buffer halves', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'evidencechain-hash-'));
  try {
    // 3 MiB and 13 bytes: several 512 KiB halves, both cores, and a short tail.
    const content = randomBytes((3 << 20) + 13);
    writeFileSync(path.join(scratch, 'content.bin'), content);
    const { status, stdout, stderr } = run(['hash', 'content.bin'], { cwd: scratch });

    assert.equal(status, 0, stderr);
    assert.equal(
      stdout,
      `sha256  ${createHash('sha256').update(content).digest('hex')}  content.bin\n`
        + `sm3     ${createHash('sm3').update(content).digest('hex')}  content.bin\n`,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('certificate --offline draws the reading aid', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'evidencechain-certificate-'));
  try {
    const testCase = manifest.cases.find((c) => c.name === 'v2-every-proof');
    const pdf = path.join(scratch, 'certificate.pdf');
    const args = ['certificate', testCase.receipt, '--key', testCase.log_keys, '--salt', testCase.salt, '--offline', '--output', pdf];
    const { status, stdout, stderr } = run(args);

    assert.equal(status, 0, stdout + stderr);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
