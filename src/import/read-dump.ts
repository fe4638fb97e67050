/**
 * From the bytes of a dump file to the lines the layout parser reads: decode (UTF-8 with or
 * without a BOM, UTF-16 with a BOM, or the Windows-1256 of old Persian sites), tell an HTML
 * page from a text dump by its content, and split text into lines on `\n`, `\r\n` or `\r`.
 */
import { htmlLines } from './html-lines.ts';
import type { DumpLine, Outcome } from './types.ts';

/** A decoded dump: which kind it was and its lines. */
export interface Dump {
  format: 'text' | 'html';
  lines: DumpLine[];
}

/** An HTML page: it opens with a tag, a doctype or a comment, or has an `<html>` or `<body>` tag. */
const HTML = /^\s*<[a-z!?]|<(?:html|body)[\s>]/i;
/** Words every dump holds; a Windows-1256 reading that has none of them is not the right one. */
const LAYOUT_WORDS = /سرويس|سرویس|انتشار|شناسه/;

/** Decode strictly; undefined when the bytes are not in that encoding. */
function decode(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The place of the first byte that is not UTF-8, for the message. */
function firstBadPlace(bytes: Uint8Array): { line: number; column: number } {
  const text = new TextDecoder('utf-8').decode(bytes);
  const before = text.slice(0, Math.max(text.indexOf('\uFFFD'), 0)).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** The text of a dump file, or where its bytes stop being text in an accepted encoding. */
function decodeDump(bytes: Uint8Array): Outcome<string> {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  const text = decode(bytes, utf16 ?? 'utf-8');
  if (text !== undefined) return { ok: true, value: text };
  const legacy = utf16 ? undefined : decode(bytes, 'windows-1256');
  if (legacy !== undefined && LAYOUT_WORDS.test(legacy)) return { ok: true, value: legacy };
  return {
    ok: false,
    problem: {
      ruleId: 'import-encoding',
      message: 'Unexpected byte that is not UTF-8, expected UTF-8 text',
      note: 'Convert the dump to UTF-8 (for example `iconv -f WINDOWS-1256 -t UTF-8`) and import it again.',
      ...firstBadPlace(bytes),
    },
  };
}

/** Split text into numbered lines. */
export function textLines(text: string): DumpLine[] {
  return text.split(/\r\n|\r|\n/).map((line, index) => ({ text: line, line: index + 1, column: 1 }));
}

/** Decode a dump file and turn it into lines, whether it is a text dump or an HTML page. */
export function readDump(bytes: Uint8Array): Outcome<Dump> {
  const decoded = decodeDump(bytes);
  if (!decoded.ok) return decoded;
  const text = decoded.value.replace(/^\uFEFF/, '');
  if (HTML.test(text)) return { ok: true, value: { format: 'html', lines: htmlLines(text) } };
  return { ok: true, value: { format: 'text', lines: textLines(text) } };
}
