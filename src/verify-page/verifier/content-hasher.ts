// The evidence file's unit digests (commitment.md §Units), computed while the file streams
// through: a single-file deposit (path ""), cut into chunks of `chunkSizeBytes` or, with 0, one
// unit. Memory stays constant whatever the file's size: each unit's SHA-256 and SM3 are
// incremental, and only the 64 bytes of digests per unit are kept.
import { createStreamingHash } from './hashing.js';

export interface UnitDigest {
  /** The unit's path: "" for a single-file deposit, so renaming the file breaks nothing. */
  readonly path: string;
  readonly offsetBytes: number;
  readonly lengthBytes: number;
  /** SHA-256 of the unit's bytes. */
  readonly sha256: Uint8Array;
  /** SM3 of the unit's bytes. */
  readonly sm3: Uint8Array;
}

export interface ContentDigests {
  readonly chunkSizeBytes: number;
  readonly units: readonly UnitDigest[];
}

export interface ContentHasher {
  /** Feeds the next bytes of the file, in pieces of any size. */
  update(bytes: Uint8Array): void;
  /** Ends the file; the hasher takes no more bytes after this. */
  finish(): ContentDigests;
}

/** commitment.md §Units: 0 (not chunked), or a power of two from 64 KiB to 1 GiB. */
export function isChunkSize(chunkSizeBytes: number): boolean {
  return (
    chunkSizeBytes === 0 ||
    (Number.isInteger(chunkSizeBytes) && chunkSizeBytes >= 65_536 && chunkSizeBytes <= 1_073_741_824 && (chunkSizeBytes & (chunkSizeBytes - 1)) === 0)
  );
}

export async function createContentHasher(chunkSizeBytes: number): Promise<ContentHasher> {
  // A programmer's error, not the receipt's: the page reads the size from a salt file it checked.
  if (!isChunkSize(chunkSizeBytes)) throw new RangeError(`chunk size ${chunkSizeBytes}: 0, or a power of two from 65536 to 1073741824`);
  const sha256 = await createStreamingHash('sha256');
  const sm3 = await createStreamingHash('sm3');
  const units: UnitDigest[] = [];
  let unitOffset = 0;
  let unitLength = 0;
  let finished = false;

  const closeUnit = () => {
    units.push({ path: '', offsetBytes: unitOffset, lengthBytes: unitLength, sha256: sha256.finish(), sm3: sm3.finish() });
    unitOffset += unitLength;
    unitLength = 0;
  };

  return {
    update(bytes) {
      if (finished) throw new Error('the content hasher is finished');
      let position = 0;
      while (position < bytes.length) {
        const room = chunkSizeBytes === 0 ? bytes.length - position : Math.min(bytes.length - position, chunkSizeBytes - unitLength);
        const piece = bytes.subarray(position, position + room);
        sha256.update(piece);
        sm3.update(piece);
        unitLength += room;
        position += room;
        if (chunkSizeBytes !== 0 && unitLength === chunkSizeBytes) closeUnit();
      }
    },
    finish() {
      if (finished) throw new Error('the content hasher is finished');
      finished = true;
      // The last, shorter chunk; or the one unit of length 0 of an empty file.
      if (unitLength > 0 || units.length === 0) closeUnit();
      return { chunkSizeBytes, units };
    },
  };
}
