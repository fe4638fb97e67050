import { describe, expect, it } from 'vitest';
import { encodeUrlPath, escapeHtmlAttribute, escapeHtmlText, escapeXmlAttribute, escapeXmlText, jsonForScript } from './escape.ts';

// Strings a hostile author writes into a title, a tag, a lead or an alias.
const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "' onmouseover='alert(1)",
  'a ]]> b <![CDATA[ c',
  'AT&T &amp; &#60; &lt;',
  '</script><script>alert(1)</script>',
  '<!-- x --> --!>',
  'x\u0001y\u001fz\u007f\u0085\ufffe\uffff\ud800',
  'evil \u202e txt.exe',
  'line\u2028para\u2029end',
];

describe('escaping helpers, one per format', () => {
  it('HTML text: no tag can start, and & is always a reference', () => {
    for (const s of HOSTILE) {
      const out = escapeHtmlText(s);
      expect(out).not.toMatch(/<[a-z!/]/i);
      expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(escapeHtmlText('a < b & "c"')).toBe('a &lt; b &amp; "c"');
  });

  it('HTML attribute: no quote ends the value', () => {
    for (const s of HOSTILE) expect(escapeHtmlAttribute(s)).not.toMatch(/["'<>]/);
    expect(escapeHtmlAttribute(`"' <>&`)).toBe('&quot;&#39; &lt;&gt;&amp;');
  });

  it('XML text and attributes: no markup, no character XML forbids, white space kept through attribute normalisation', () => {
    for (const s of HOSTILE) {
      expect(escapeXmlText(s)).not.toMatch(/[<\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|]]>/);
      expect(escapeXmlAttribute(s)).not.toMatch(/["'<>\u0000-\u001f]/);
    }
    expect(escapeXmlAttribute('a\tb\nc')).toBe('a&#9;b&#10;c');
    expect(escapeXmlText('a ]]> b')).toBe('a ]]&gt; b');
  });

  it('removes control characters and closes bidi overrides in every text helper', () => {
    for (const escape of [escapeHtmlText, escapeHtmlAttribute, escapeXmlText, escapeXmlAttribute]) {
      expect(escape('x\u0001y\ud800')).toBe('xy');
      expect(escape('\u202eevil')).toBe('\u202eevil\u202c');
    }
  });

  it('JSON in <script>: parses back to the cleaned value and cannot end the element', () => {
    const value = { headline: HOSTILE.join(' '), keywords: HOSTILE };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    const back = JSON.parse(json) as { headline: string; keywords: string[] };
    expect(back.keywords[0]).toBe('<script>alert(1)</script>');
    expect(back.keywords[8]).toBe('xyz');
    expect(back.keywords[9]).toBe('evil \u202e txt.exe\u202c');
  });

  it('URL paths: percent-encoded exactly once', () => {
    expect(encodeUrlPath('/old/a%20b')).toBe('/old/a%20b');
    expect(encodeUrlPath('/old/a b')).toBe('/old/a%20b');
    expect(encodeUrlPath('/old/نشانی')).toBe('/old/%D9%86%D8%B4%D8%A7%D9%86%DB%8C');
    expect(encodeUrlPath(encodeUrlPath('/old/نشانی'))).toBe('/old/%D9%86%D8%B4%D8%A7%D9%86%DB%8C');
    expect(encodeUrlPath('/old/100%.html')).toBe('/old/100%25.html');
    expect(encodeUrlPath('/a?b#c"d<e>\\f')).toBe('/a%3Fb%23c%22d%3Ce%3E%5Cf');
    expect(encodeUrlPath('/x\u0001\n')).toBe('/x%01%0A');
    expect(encodeUrlPath('/😀\ud800')).toBe('/%F0%9F%98%80%EF%BF%BD');
    expect(encodeUrlPath("/a-b_c.d~e!$&'()*+,;=:@/")).toBe("/a-b_c.d~e!$&'()*+,;=:@/");
  });
});
