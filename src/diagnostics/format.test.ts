import { describe, expect, it } from 'vitest';
import type { Diagnostic } from './diagnostic.ts';
import { formatText, printable } from './format.ts';

describe('diagnostics on a terminal', () => {
  it('shows control characters, line breaks and bidi overrides as escapes, never as themselves', () => {
    expect(printable('a\u001b[2Jb\nc\u202ed\u0000')).toBe('a\\u001b[2Jb\\u000ac\\u202ed\\u0000');
    // Persian text keeps its ZWNJ and marks.
    expect(printable('می‌شود\u200f')).toBe('می‌شود\u200f');
    const forged: Diagnostic = {
      file: 'content/news/\u001b]0;x\u0007.md',
      line: 1,
      column: 1,
      severity: 'error',
      ruleId: 'yaml-syntax',
      message: 'Unexpected `\u001b[31m`\ncontent/news/2.md:1:1: error: forged',
      note: 'fix\u001b[0m',
    };
    const text = formatText([forged]);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toContain('content/news/\\u001b]0;x\\u0007.md:1:1: error: Unexpected `\\u001b[31m`\\u000acontent/news/2.md:1:1: error: forged [yaml-syntax]');
  });
});
