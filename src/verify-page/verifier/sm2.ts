// SM2 signature verification (GB/T 32918.2 §7) with SM3, on the recommended curve sm2p256v1
// (GB/T 32918.5), over @noble/curves' generic short-Weierstrass arithmetic.
//
// Why not an SM2 package: sm-crypto and sm-crypto-v2 take the signer's user ID as a JavaScript
// string and UTF-8-encode it, while the ID is bytes (checkpoint.md states it in the key as
// u8(len) ‖ user_id, 1 to 255 arbitrary bytes). Verification is a few lines of curve arithmetic.
import { weierstrass } from '@noble/curves/abstract/weierstrass.js';
import { bigIntFromBytes, bytesFromBigInt, u16 } from './bytes.js';
import type { HashFunction } from './hashing.js';

const p = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const a = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const b = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const n = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const Gx = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const Gy = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;

const Point = weierstrass({ p, n, h: 1n, a, b, Gx, Gy });

/** GM/T 0009's default user ID, which GM/T 0010 fixes for signatures in CMS (timestamp tokens, certificates). */
export const defaultSm2UserId = new TextEncoder().encode('1234567812345678');

/** True if the 65 bytes 0x04 ‖ x ‖ y are a point of sm2p256v1 other than infinity. */
export function isSm2PublicKey(uncompressed: Uint8Array): boolean {
  if (uncompressed.length !== 65 || uncompressed[0] !== 0x04) return false;
  try {
    Point.fromBytes(uncompressed).assertValidity();
    return true;
  } catch {
    return false;
  }
}

/** Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A), GB/T 32918.2 §5.5. */
export function sm2UserHash(sm3: HashFunction, publicKey: Uint8Array, userId: Uint8Array): Uint8Array {
  const coordinate = (value: bigint) => bytesFromBigInt(value, 32);
  return sm3(
    u16(userId.length * 8),
    userId,
    coordinate(a),
    coordinate(b),
    coordinate(Gx),
    coordinate(Gy),
    publicKey.subarray(1, 33),
    publicKey.subarray(33, 65),
  );
}

/**
 * GB/T 32918.2 §7.1: verifies (r, s) over `message` by the key 0x04 ‖ x ‖ y under `userId`.
 * e = SM3(Z_A ‖ M), t = r + s mod n, (x1, y1) = [s]G + [t]P_A, valid iff r = e + x1 mod n.
 */
export function verifySm2(
  sm3: HashFunction,
  publicKey: Uint8Array,
  userId: Uint8Array,
  message: Uint8Array,
  r: bigint,
  s: bigint,
): boolean {
  if (r < 1n || r >= n || s < 1n || s >= n) return false;
  if (!isSm2PublicKey(publicKey)) return false;
  const e = bigIntFromBytes(sm3(sm2UserHash(sm3, publicKey, userId), message));
  const t = (r + s) % n;
  if (t === 0n) return false;
  const sum = Point.BASE.multiply(s).add(Point.fromBytes(publicKey).multiply(t));
  if (sum.is0()) return false;
  return (e + sum.x) % n === r;
}

/** Verifies the 64-byte r ‖ s form that signed notes use (checkpoint.md §SM2 with SM3). */
export function verifySm2Raw(sm3: HashFunction, publicKey: Uint8Array, userId: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  return verifySm2(sm3, publicKey, userId, message, bigIntFromBytes(signature.subarray(0, 32)), bigIntFromBytes(signature.subarray(32)));
}

