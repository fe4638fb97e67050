/**
 * Digit folding between Latin (0-9), Arabic-Indic (٠-٩, U+0660–U+0669) and
 * Persian (۰-۹, U+06F0–U+06F9) digits.
 *
 * Persian and Arabic-Indic 4, 5 and 6 look different, so text typed on an
 * Arabic keyboard must be folded too, not only Latin digits.
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Convert Latin and Arabic-Indic digits to Persian digits; everything else is kept. */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9\u0660-\u0669]/g, (digit) =>
    String.fromCharCode(PERSIAN_ZERO + digitValue(digit)),
  );
}

/** Convert Persian and Arabic-Indic digits to Latin digits; everything else is kept. */
export function toLatinDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digitValue(digit)));
}

/** The numeric value of one Latin, Arabic-Indic or Persian digit character. */
function digitValue(digit: string): number {
  const code = digit.charCodeAt(0);
  if (code >= PERSIAN_ZERO) return code - PERSIAN_ZERO;
  if (code >= ARABIC_INDIC_ZERO) return code - ARABIC_INDIC_ZERO;
  return code - 0x30;
}
