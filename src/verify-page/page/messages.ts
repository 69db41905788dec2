// The messages between the page and its Web Worker. The evidence file crosses as a File (a handle
// to the bytes on disk, not the bytes): the worker reads it piece by piece, and nothing else sees it.
import type { Report, VerificationTrust } from '../verifier/index.js';

export interface VerifyRequest {
  readonly receiptJson: string;
  readonly trust: VerificationTrust;
  readonly evidence: { readonly file: File; readonly saltJson: string } | null;
}

export type WorkerMessage =
  | { readonly kind: 'progress'; readonly hashedBytes: number; readonly totalBytes: number }
  | { readonly kind: 'report'; readonly report: Report }
  | { readonly kind: 'error'; readonly message: string };
