// Shared by the unit tests: the published vectors of tests/vectors/, and hex helpers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const vectorsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../tests/vectors');
export const readVectors = (name) => JSON.parse(readFileSync(path.join(vectorsFolder, name), 'utf8'));
export const hex = (text) => Uint8Array.from(Buffer.from(text, 'hex'));
export const toHex = (bytes) => Buffer.from(bytes).toString('hex');
export const ascii = (text) => new TextEncoder().encode(text);
