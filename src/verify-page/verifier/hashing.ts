// SHA-256 and SM3 (GB/T 32905) from hash-wasm's WebAssembly hashers, and HMAC-SHA256 (RFC 2104)
// over them. Creating a hasher is asynchronous (it instantiates WebAssembly), hashing with it is
// not: the verifier loads one set once and then hashes synchronously, Merkle proofs included.
import { createSHA256, createSM3, type IHasher } from 'hash-wasm';

/** A 32-byte hash over the concatenation of its arguments. */
export type HashFunction = (...parts: Uint8Array[]) => Uint8Array;

export type TreeHashName = 'sha256' | 'sm3';

export interface Hashes {
  readonly sha256: HashFunction;
  readonly sm3: HashFunction;
  readonly hmacSha256: (key: Uint8Array, ...message: Uint8Array[]) => Uint8Array;
}

/** An incremental hasher for streaming content: update with pieces, then finish. */
export interface StreamingHash {
  update(bytes: Uint8Array): void;
  finish(): Uint8Array;
}

function oneShot(hasher: IHasher): HashFunction {
  return (...parts) => {
    hasher.init();
    for (const part of parts) hasher.update(part);
    // A copy, so that a digest never aliases hash-wasm's memory.
    return hasher.digest('binary').slice();
  };
}

const sha256BlockBytes = 64;

/** RFC 2104 with SHA-256: H((K ⊕ opad) ‖ H((K ⊕ ipad) ‖ message)). */
function hmacOver(sha256: HashFunction): Hashes['hmacSha256'] {
  return (key, ...message) => {
    const block = new Uint8Array(sha256BlockBytes);
    block.set(key.length > sha256BlockBytes ? sha256(key) : key);
    const inner = block.map((byte) => byte ^ 0x36);
    const outer = block.map((byte) => byte ^ 0x5c);
    return sha256(outer, sha256(inner, ...message));
  };
}

let loaded: Promise<Hashes> | undefined;

export function loadHashes(): Promise<Hashes> {
  loaded ??= (async () => {
    const sha256 = oneShot(await createSHA256());
    const sm3 = oneShot(await createSM3());
    return { sha256, sm3, hmacSha256: hmacOver(sha256) };
  })();
  return loaded;
}

export async function createStreamingHash(name: TreeHashName): Promise<StreamingHash> {
  const hasher = name === 'sha256' ? await createSHA256() : await createSM3();
  hasher.init();
  return {
    update: (bytes) => void hasher.update(bytes),
    finish: () => {
      const digest = hasher.digest('binary').slice();
      hasher.init();
      return digest;
    },
  };
}

export function treeHashOf(hashes: Hashes, name: TreeHashName): HashFunction {
  return name === 'sha256' ? hashes.sha256 : hashes.sm3;
}
