import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside, unsafeReason, UnsafeOutputPath } from './safe-path.ts';

describe('output paths', () => {
  it('refuses every path that could leave the output folder or confuse a server', () => {
    const unsafe = [
      '',
      '../x.html',
      'news/../../x.html',
      'a/./b',
      '.',
      '..',
      '/etc/passwd',
      'a\\..\\b',
      'a\\b',
      'a\u0000b',
      'a\u0001b',
      'a\u001fb',
      'a\u007fb',
      'a\u0085b',
      'a//b',
      'a/',
      `${'ب'.repeat(128)}/x`,
      // 258 bytes of UTF-8 in 86 dashes (three bytes each); 85 are 255 bytes, the most a name may have.
      `x/${'—'.repeat(86)}`,
      `x/${'ب'.repeat(128)}/y`,
      'a/../b',
      'a/..',
      './a',
      'a/\u0085',
    ];
    for (const file of unsafe) expect(unsafeReason(file), JSON.stringify(file)).toBeDefined();
    for (const file of unsafe) expect(() => resolveInside('/srv/site', file), JSON.stringify(file)).toThrow(UnsafeOutputPath);
  });

  it('accepts the paths a site is made of, Persian names and literal percent signs included', () => {
    const safe = ['index.html', 'news/1/index.html', 'tag/انرژی/page/2/index.html', '%2e%2e/x.html', '.well-known/security.txt', 'a..b/c...html', `x/${'—'.repeat(85)}/y`, `x/${'ب'.repeat(127)}/y`, `${'😀'.repeat(63)}/${'a'.repeat(255)}`];
    for (const file of safe) {
      expect(unsafeReason(file), file).toBeUndefined();
      expect(resolveInside('/srv/site', file)).toBe(path.join('/srv/site', file));
    }
  });

  it('names what it refused, control characters escaped', () => {
    expect(() => resolveInside('/srv/site', 'a\u0000/../x')).toThrow('Refused to write `a\\u0000/../x`: a control character');
  });
});
