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
    ];
    for (const file of unsafe) expect(unsafeReason(file), JSON.stringify(file)).toBeDefined();
    for (const file of unsafe) expect(() => resolveInside('/srv/site', file), JSON.stringify(file)).toThrow(UnsafeOutputPath);
  });

  it('accepts the paths a site is made of, Persian names and literal percent signs included', () => {
    const safe = ['index.html', 'news/1/index.html', 'tag/انرژی/page/2/index.html', '%2e%2e/x.html', '.well-known/security.txt', 'a..b/c...html'];
    for (const file of safe) {
      expect(unsafeReason(file), file).toBeUndefined();
      expect(resolveInside('/srv/site', file)).toBe(path.join('/srv/site', file));
    }
  });

  it('names what it refused, control characters escaped', () => {
    expect(() => resolveInside('/srv/site', 'a\u0000/../x')).toThrow('Refused to write `a\\u0000/../x`: a control character');
  });
});
