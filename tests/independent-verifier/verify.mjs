// An independent verifier of EvidenceChain receipts, written from the public specifications only
// (RFC 9162 §2.1, C2SP signed-note, tlog-checkpoint and tlog-proof), with Node's built-in crypto:
// no code of this repository. It checks the Ed25519 line of the checkpoint against a verifier key
// given on the command line and the inclusion proof of the leaf carried in the `extra` line.
//
// Usage: node verify.mjs RECEIPT.json VERIFIER_KEYS_FILE
// Exit 0 when valid, 1 when not (with the reason on stderr), 2 on unusable input.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

function fail(code, message) {
  process.stderr.write(message + '\n');
  process.exit(code);
}

const [receiptPath, keysPath] = process.argv.slice(2);
if (!receiptPath || !keysPath) fail(2, 'usage: node verify.mjs RECEIPT.json VERIFIER_KEYS_FILE');

let receipt;
try {
  receipt = JSON.parse(readFileSync(receiptPath, 'utf8'));
} catch (e) {
  fail(2, `cannot read the receipt: ${e.message}`);
}

// C2SP verifier keys: name+hexid+base64(type || key). Only Ed25519 (type 0x01) is used here.
const keys = readFileSync(keysPath, 'utf8').split('\n').filter(l => l.trim()).map(line => {
  const first = line.indexOf('+');
  const second = line.indexOf('+', first + 1);
  return { name: line.slice(0, first), id: line.slice(first + 1, second), material: Buffer.from(line.slice(second + 1), 'base64') };
}).filter(k => k.material[0] === 0x01 && k.material.length === 33);
if (keys.length === 0) fail(2, 'no Ed25519 verifier key in ' + keysPath);

const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();

// tlog-proof: header, extra, index, proof hashes, blank line, checkpoint note.
const proofText = receipt.tlog_proof;
const blank = proofText.indexOf('\n\n');
const head = proofText.slice(0, blank).split('\n');
const note = proofText.slice(blank + 2);
if (head[0] !== 'c2sp.org/tlog-proof@v1' || !head[1].startsWith('extra ') || !head[2].startsWith('index ')) fail(1, 'not a tlog-proof');
const leaf = Buffer.from(head[1].slice(6), 'base64');
const index = BigInt(head[2].slice(6));
const proof = head.slice(3).map(h => Buffer.from(h, 'base64'));

// signed-note: text, blank line, "— name base64(keyid || sig)" lines. Verify before reading the text.
const split = note.lastIndexOf('\n\n');
const text = note.slice(0, split + 1);
let verified = false;
for (const line of note.slice(split + 2).split('\n').filter(Boolean)) {
  const match = /^\u2014 (\S+) (\S+)$/.exec(line);
  if (!match) fail(1, 'malformed signature line');
  const blob = Buffer.from(match[2], 'base64');
  const key = keys.find(k => k.name === match[1] && k.id === blob.subarray(0, 4).toString('hex'));
  if (!key) continue;
  const expectedId = sha256(Buffer.from(key.name + '\n'), key.material).subarray(0, 4).toString('hex');
  if (expectedId !== key.id) fail(2, 'the verifier key id does not match its name and key');
  const publicKey = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), key.material.subarray(1)]), format: 'der', type: 'spki' });
  if (!verify(null, Buffer.from(text, 'utf8'), publicKey, blob.subarray(4))) fail(1, 'bad Ed25519 signature on the checkpoint');
  verified = true;
}
if (!verified) fail(1, 'no signature from a trusted key');

const [origin, sizeText, rootText] = text.split('\n');
if (!origin.endsWith('/sha256')) fail(2, 'this verifier only knows SHA-256 logs');
if (!keys.some(k => k.name === origin)) fail(1, 'the checkpoint origin is not the trusted key name');
const size = BigInt(sizeText);
const root = Buffer.from(rootText, 'base64');

// RFC 9162 §2.1.3.2 inclusion verification.
if (index >= size) fail(1, 'index beyond the tree');
let fn = index;
let sn = size - 1n;
let r = sha256(Buffer.from([0]), leaf);
for (const p of proof) {
  if (sn === 0n) fail(1, 'proof too long');
  if ((fn & 1n) === 1n || fn === sn) {
    r = sha256(Buffer.from([1]), p, r);
    if ((fn & 1n) === 0n) {
      while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
    }
  } else {
    r = sha256(Buffer.from([1]), r, p);
  }
  fn >>= 1n;
  sn >>= 1n;
}
if (sn !== 0n) fail(1, 'proof too short');
if (!r.equals(root)) fail(1, `root mismatch: computed ${r.toString('hex')}, checkpoint ${root.toString('hex')}`);
process.stdout.write(`valid: leaf ${index} of ${size} in ${origin}\n`);
