// The verification page's Web Worker: hashes the evidence file as it streams from disk (never whole
// in memory: File.stream() gives pieces, the incremental hashers keep only their state), then runs
// the receipt verifier. The page stays responsive, and its heap never holds the file.
import { createContentHasher, readSaltFile, verifyReceipt, type ContentDigests } from '../verifier/index.js';
import type { VerifyRequest, WorkerMessage } from './messages.js';

/** Progress is posted at most once per this many bytes, so a 2 GiB file sends about a hundred messages. */
const progressStepBytes = 16 * 1024 * 1024;

// The DOM library types `self` as a window; in a dedicated worker it is the worker's own scope.
const scope = self as unknown as {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null;
};
const post = (message: WorkerMessage) => scope.postMessage(message);

async function hashFile(file: File, chunkSizeBytes: number): Promise<ContentDigests> {
  const hasher = await createContentHasher(chunkSizeBytes);
  const reader = file.stream().getReader();
  let hashedBytes = 0;
  let reportedBytes = 0;
  post({ kind: 'progress', hashedBytes, totalBytes: file.size });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    hasher.update(value);
    hashedBytes += value.length;
    if (hashedBytes - reportedBytes >= progressStepBytes) {
      reportedBytes = hashedBytes;
      post({ kind: 'progress', hashedBytes, totalBytes: file.size });
    }
  }
  post({ kind: 'progress', hashedBytes, totalBytes: file.size });
  return hasher.finish();
}

scope.onmessage = async (event) => {
  const request = event.data;
  try {
    let evidence;
    if (request.evidence !== null) {
      // A salt file that does not parse is the verdict (MalformedSaltFile), found by the verifier
      // once the checkpoint is checked; there is no chunk size to cut the file by, so it is not read.
      const salt = readSaltFile(request.evidence.saltJson);
      const units = salt.ok ? await hashFile(request.evidence.file, salt.value.chunkSizeBytes) : { chunkSizeBytes: 0, units: [] };
      evidence = { units, saltJson: request.evidence.saltJson };
    }
    const report = await verifyReceipt(request.receiptJson, request.trust, evidence);
    post({ kind: 'report', report });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
