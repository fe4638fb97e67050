import type { TextEdit } from '../diagnostics/index.ts';
import { decodeUtf8 } from './decode.ts';

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/** The outcome of {@link applyEdits}: the new bytes, and which edits were applied. */
export interface EditResult {
  bytes: Uint8Array;
  applied: TextEdit[];
  /** Edits left out because they overlap one applied before them. */
  skipped: TextEdit[];
}

/** Edits in file order, each once; of two overlapping edits the first wins. */
export function orderEdits(edits: readonly TextEdit[]): { applied: TextEdit[]; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  for (const edit of sorted) {
    const last = applied.at(-1);
    if (last && last.start === edit.start && last.end === edit.end && last.text === edit.text) continue;
    if (last && edit.start < last.end) skipped.push(edit);
    else applied.push(edit);
  }
  return { applied, skipped };
}

/**
 * Apply text edits (offsets in the decoded text, after a BOM) to a file's bytes. Only the edited
 * ranges change: UTF-8 decoding is lossless, and a BOM and CRLF line ends are kept as they were.
 * Returns undefined when the bytes are not UTF-8 (nothing to fix safely).
 */
export function applyEdits(bytes: Uint8Array, edits: readonly TextEdit[]): EditResult | undefined {
  const text = decodeUtf8(bytes);
  if (text === undefined) return undefined;
  const { applied, skipped } = orderEdits(edits.filter((e) => e.start >= 0 && e.start <= e.end && e.end <= text.length));
  let result = '';
  let at = 0;
  for (const edit of applied) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  result += text.slice(at);
  const encoded = new TextEncoder().encode(result);
  const hasBom = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  return { bytes: hasBom ? Buffer.concat([BOM, encoded]) : encoded, applied, skipped };
}
