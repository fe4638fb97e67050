import { describe, expect, it } from 'vitest';
import { aliasPath } from '../../src/outputs/index.ts';
import { aliasSitePath } from '../../src/validate/index.ts';

// Validation cannot import the later outputs stage, so it has its own copy of the rule: they must agree.
describe('where an alias is written', () => {
  it('is the same for output-collision checks and for the redirect pages', () => {
    for (const alias of ['/old/a', '/old/a/', '/old/a.html', '/old/A.PHP', '/old/news/21010.html', '/archive/old/22005', '/x.y/z', '/نشانی/قدیمی']) {
      expect(aliasSitePath(alias), alias).toBe(aliasPath(alias));
    }
  });
});
