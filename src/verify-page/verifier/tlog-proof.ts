// The C2SP tlog-proof text (https://c2sp.org/tlog-proof) a receipt carries as `tlog_proof`
// (receipt.md §The proof). Only its layout is read here; what it says is checked by the caller,
// the checkpoint's signatures first.
import { fromBase64, parseDecimal } from './bytes.js';
import { failure, success, type Outcome } from './failures.js';
import { proofLengthMax } from './merkle.js';

export interface TlogProof {
  /** The leaf bytes from the `extra` line, REQUIRED here (receipt.md). */
  readonly leaf: Uint8Array;
  readonly index: bigint;
  readonly inclusionProof: readonly Uint8Array[];
  /** The signed checkpoint, verbatim. */
  readonly checkpointNote: string;
}

const header = 'c2sp.org/tlog-proof@v1';

export function parseTlogProof(text: string): Outcome<TlogProof> {
  const blank = text.indexOf('\n\n');
  if (blank < 0) return failure('MalformedReceipt', 'tlog_proof has no blank line before its checkpoint');
  const lines = text.slice(0, blank).split('\n');
  const checkpointNote = text.slice(blank + 2);
  if (lines[0] !== header) return failure('MalformedReceipt', `tlog_proof does not start with ${header}`);
  const extraLine = lines[1] ?? '';
  const indexLine = lines[2] ?? '';
  if (!extraLine.startsWith('extra ')) return failure('MalformedReceipt', 'tlog_proof has no extra line carrying the leaf');
  const leaf = fromBase64(extraLine.slice('extra '.length));
  if (leaf === null) return failure('MalformedReceipt', 'the extra line is not base64');
  const index = indexLine.startsWith('index ') ? parseDecimal(indexLine.slice('index '.length)) : null;
  if (index === null) return failure('MalformedReceipt', 'tlog_proof has no index line with a decimal leaf index');
  const hashLines = lines.slice(3);
  if (hashLines.length > proofLengthMax) return failure('MalformedReceipt', `${hashLines.length} proof lines, at most ${proofLengthMax}`);
  const inclusionProof: Uint8Array[] = [];
  for (const line of hashLines) {
    const hash = fromBase64(line);
    if (hash === null || hash.length !== 32) return failure('MalformedReceipt', `the proof line ${JSON.stringify(line)} is not a 32-byte base64 hash`);
    inclusionProof.push(hash);
  }
  return success({ leaf, index, inclusionProof, checkpointNote });
}
