import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The bytes of a source file and their content hash. */
export interface SourceBytes {
  bytes: Buffer;
  /** sha256 of the bytes, hex; the key of everything cached for this file. */
  hash: string;
}

/** Hash bytes the way every cache key in bayegan is made. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Read one source file and hash it. */
export async function readSource(abs: string): Promise<SourceBytes> {
  const bytes = await readFile(abs);
  return { bytes, hash: hashBytes(bytes) };
}
