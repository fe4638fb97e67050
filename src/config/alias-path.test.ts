import { describe, expect, it } from 'vitest';
import { aliasSitePath, outputFile } from './index.ts';

// One rule for where an alias is written, used by the output-collision check and the redirect pages.
describe('where an alias is written', () => {
  it('keeps a path with an extension or a trailing slash, and makes a folder of any other', () => {
    const cases: Array<[string, string]> = [
      ['/old/a', '/old/a/'],
      ['/old/a/', '/old/a/'],
      ['/old/a.html', '/old/a.html'],
      ['/old/A.PHP', '/old/A.PHP'],
      ['/archive/old/22005', '/archive/old/22005/'],
      ['/x.y/z', '/x.y/z/'],
      ['/نشانی/قدیمی', '/نشانی/قدیمی/'],
    ];
    for (const [alias, sitePath] of cases) expect(aliasSitePath(alias), alias).toBe(sitePath);
    expect(outputFile(aliasSitePath('/old/a'))).toBe('old/a/index.html');
  });
});
