import { describe, expect, it } from 'vitest';
import { aliasOutput, aliasSitePath, outputFile, pageOfFile } from './index.ts';

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

// The one judge of an alias: what the writer would write, after decoding, or why it must not.
describe('aliasOutput', () => {
  it('gives the output file of a safe alias, decoded once', () => {
    const cases: Array<[string, string]> = [
      ['/old/a.html', 'old/a.html'],
      ['/old/a', 'old/a/index.html'],
      ['/old/a%20b', 'old/a b/index.html'],
      ['/old/100%25.html', 'old/100%.html'],
      ['/old/%252e%252e/x.html', 'old/%2e%2e/x.html'],
      ['/%D9%86%D8%B4%D8%A7%D9%86%DB%8C', 'نشانی/index.html'],
      ['/index.html', 'index.html'],
      ['/', 'index.html'],
    ];
    for (const [alias, file] of cases) expect(aliasOutput(alias), alias).toMatchObject({ file });
  });

  it('refuses every way out of the folder, however it is spelled', () => {
    const refused = [
      'old/1.html', '//evil.example/x', '/a/../b.html', '/%2e%2e/x.html', '/%2E%2e/x', '/.%2E/x', '/old/%2e/x.html',
      '/old/..%2fx', '/old%2F..%2Fx', '/old/..\\x.html', '/old/%5c..%5cx', '/old/%5C', '/old/a%00.html', '/old/%1b.html',
      '/old/%7f', '/old/%c2%85', '/old/100%.html', '/old/%E0%A4%A.html', '/old/%C0%AE%C0%AE/x', '/old//x', '/.htaccess',
      '/old/.git/config', '/_headers', '/_redirects', '/_worker.js', '/a b', '/a?b', '/a#b', `/${'ا'.repeat(128)}`, `/${'a/'.repeat(1001)}`,
    ];
    for (const alias of refused) expect(aliasOutput(alias).problem, alias).toBeTypeOf('string');
    // Underscores and dots inside the path are fine.
    expect(aliasOutput('/old/_x/.y.html').problem).toMatch(/start with `\.`/);
    expect(aliasOutput('/old/_x/a.b.html').problem).toBeUndefined();
  });

  it('names the page an output file serves', () => {
    expect(pageOfFile('index.html')).toBe('/');
    expect(pageOfFile('tags/index.html')).toBe('/tags/');
    expect(pageOfFile('feed.xml')).toBe('/feed.xml');
    expect(pageOfFile('news/1/map.png')).toBe('/news/1/map.png');
  });
});
