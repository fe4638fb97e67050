import type { Point } from '../diagnostics/index.ts';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The first byte that is not valid UTF-8, with its place. */
export interface InvalidByte extends Point {
  offset: number;
  byte: number;
}

// Length of a UTF-8 sequence from its lead byte, 0 when the byte cannot start one.
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Find the first invalid UTF-8 byte (only called once strict decoding has failed); columns count characters, as editors do. */
export function findInvalidByte(bytes: Uint8Array): InvalidByte {
  let line = 1;
  let column = 1;
  // A BOM is not a column an editor shows.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  for (let i = bom ? 3 : 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = sequenceLength(lead);
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k]! & 0xc0) === 0x80;
    // Overlong and surrogate forms that the lead byte alone does not rule out.
    if (valid && length === 3) {
      const second = bytes[i + 1]!;
      valid = !(lead === 0xe0 && second < 0xa0) && !(lead === 0xed && second > 0x9f);
    }
    if (valid && length === 4) {
      const second = bytes[i + 1]!;
      valid = !(lead === 0xf0 && second < 0x90) && !(lead === 0xf4 && second > 0x8f);
    }
    if (!valid) return { offset: i, byte: lead, line, column };
    if (lead === 0x0a) {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
    i += length;
  }
  return { offset: bytes.length, byte: 0, line, column };
}

/** Decode UTF-8 strictly; `undefined` when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
