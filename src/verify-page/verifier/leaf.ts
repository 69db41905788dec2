// The deposit leaf (leaf.md): envelope version 1, leaf type 1, a 142-byte body.
import { bigIntFromBytes } from './bytes.js';
import { failure, success, type Outcome } from './failures.js';

export interface DepositLeaf {
  readonly contentKind: number;
  readonly commitmentScheme: number;
  /** The notary's acceptance time, Unix milliseconds: its own claim, not trusted time. */
  readonly receivedAtMs: number;
  readonly unitCount: number;
  readonly unitsRootSha256: Uint8Array;
  readonly unitsRootSm3: Uint8Array;
  readonly depositorSha256: Uint8Array;
  readonly depositorSm3: Uint8Array;
}

const leafBytesMax = 1024;
const depositLeafType = 1;
const depositBodyBytes = 142;
const unitCountMax = 1_048_576;
const leafTypeNames: Readonly<Record<number, string>> = {
  2: 'custody event',
  3: 'ledger batch',
  4: 'case transition',
  5: 'pledge event',
  6: 'timestamp token',
  7: 'certificate',
};

/** leaf.md §Envelope: reject unknown versions, wrong lengths, and every type but a deposit. */
export function parseDepositLeaf(leaf: Uint8Array): Outcome<DepositLeaf> {
  if (leaf.length > leafBytesMax) return failure('MalformedLeaf', `${leaf.length} bytes, at most ${leafBytesMax}`);
  if (leaf.length < 4) return failure('MalformedLeaf', `${leaf.length} bytes, shorter than the envelope`);
  if (leaf[0] !== 0x01) return failure('MalformedLeaf', `leaf version ${leaf[0]}, only 1 is known`);
  const bodyLength = (leaf[2]! << 8) | leaf[3]!;
  if (bodyLength !== leaf.length - 4) return failure('MalformedLeaf', `body_length ${bodyLength}, but ${leaf.length - 4} bytes follow`);
  const leafType = leaf[1]!;
  if (leafType !== depositLeafType) {
    return failure('UnexpectedLeafType', `leaf type ${leafType} (${leafTypeNames[leafType] ?? 'reserved'}), a receipt is for a deposit (type 1)`);
  }
  if (bodyLength !== depositBodyBytes) return failure('MalformedLeaf', `a deposit body of ${bodyLength} bytes, it is ${depositBodyBytes}`);

  const body = leaf.subarray(4);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const contentKind = body[0]!;
  const commitmentScheme = body[1]!;
  if (contentKind < 1 || contentKind > 4) return failure('MalformedLeaf', `content_kind ${contentKind}, from 1 to 4`);
  // Only commitment.md v1 is known: another scheme's units roots could not be recomputed.
  if (commitmentScheme !== 1) return failure('MalformedLeaf', `commitment_scheme ${commitmentScheme}, only 1 is known`);
  const unitCount = view.getUint32(10);
  if (unitCount < 1 || unitCount > unitCountMax) return failure('MalformedLeaf', `unit_count ${unitCount}, from 1 to ${unitCountMax}`);
  return success({
    contentKind,
    commitmentScheme,
    receivedAtMs: Number(bigIntFromBytes(body.subarray(2, 10))),
    unitCount,
    unitsRootSha256: body.slice(14, 46),
    unitsRootSm3: body.slice(46, 78),
    depositorSha256: body.slice(78, 110),
    depositorSm3: body.slice(110, 142),
  });
}
