import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../config/index.ts';

/** A keyed file as read back: its value (any JSON, to be checked by the caller), or why there is none. */
export type KeyedRead = { status: 'hit'; value: unknown } | { status: 'miss' } | { status: 'corrupt' };

/**
 * A cache file that holds one value under the digest of what it was made from: a format line,
 * the digest, the SHA-1 of the value's JSON, the JSON. Another digest (or no file) is a miss; a
 * damaged file, or one of another format, corrupt.
 */
export function readKeyed(file: string, format: string, key: string): KeyedRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { status: 'miss' };
  }
  const [head, digest, sum, json, end, ...rest] = text.split('\n');
  if (head !== format || json === undefined || end !== '' || rest.length > 0 || sum !== hash('sha1', json, 'hex')) return { status: 'corrupt' };
  if (digest !== key) return { status: 'miss' };
  try {
    return { status: 'hit', value: JSON.parse(json) as unknown };
  } catch {
    return { status: 'corrupt' };
  }
}

/** Keep `value` under digest `key`; a cache that cannot be written only makes the next build work again. */
export function writeKeyed(file: string, format: string, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  try {
    writeFileAtomic(file, `${format}\n${key}\n${hash('sha1', json, 'hex')}\n${json}\n`);
  } catch {
    // Not kept: made again next time.
  }
}
