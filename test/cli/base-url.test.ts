import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RENDER_VERSION } from '../../src/render/index.ts';
import { run } from '../helpers/cli.ts';
import { codeVersion } from '../helpers/files.ts';
import { articleFile, siteYml, writeSite } from '../helpers/site.ts';

const site = (yml = siteYml()) => `-- content/site.yml --
${yml}
${articleFile(1, { body: '[دو](/news/2/)' })}${articleFile(2, { date: '1400-01-02' })}`;

const read = (root: string, file: string) => readFileSync(path.join(root, 'dist', file), 'utf8');

describe('build --base-url', () => {
  const useCode = codeVersion();

  it('replaces baseUrl of site.yml in every link, and says so', async () => {
    const root = writeSite(site());
    const { code: exit, out } = await run(['build', '--root', root, '--base-url', 'https://Preview.example/pr-7']);
    expect(exit).toBe(0);
    expect(out).toMatch(/^Built 2 articles into \S*dist\/ for https:\/\/Preview\.example\/pr-7 in /);
    const page = read(root, 'news/1/index.html');
    expect(page).toContain('<link rel="canonical" href="https://preview.example/pr-7/news/1/">');
    expect(page).toContain('href="/pr-7/news/2/"');
    expect(read(root, 'sitemaps/1.xml')).toContain('<loc>https://preview.example/pr-7/news/2/</loc>');
  });

  it('is part of what makes a build up to date: the same inputs with another URL build again', async () => {
    useCode('base-url-test');
    const root = writeSite(site());
    await run(['build', '--root', root]);
    expect((await run(['build', '--root', root])).out).toContain('nothing changed since the last build');
    const preview = await run(['build', '--root', root, '--base-url', 'https://test.example/preview/']);
    expect(preview.out).not.toContain('nothing changed since the last build');
    expect(read(root, 'news/1/index.html')).toContain('href="/preview/news/2/"');
    const back = await run(['build', '--root', root]);
    expect(back.out).not.toContain('nothing changed since the last build');
    expect(read(root, 'news/1/index.html')).toContain('href="/news/2/"');
  });

  it('is taken by check too, so that a check before the build (as CI runs them) leaves the build nothing to parse', async () => {
    const root = writeSite(site());
    const url = 'https://user.github.io/archive/';
    await run(['build', '--root', root, '--base-url', url]);
    expect((await run(['check', '--root', root, '--base-url', url])).code).toBe(0);
    expect((await run(['build', '--root', root, '--base-url', url])).out).toContain('0 of 2 sources parsed: all from the cache');
    // A check under other settings keeps its own parse results, and the build has to parse again.
    await run(['check', '--root', root]);
    expect((await run(['build', '--root', root, '--base-url', url])).out).toMatch(/2 of 2 sources parsed$/m);
  });

  it('refuses a URL that cannot be a base, before building anything', async () => {
    const root = writeSite(site());
    for (const [value, expected] of [
      ['example.org/archive/', 'expected an absolute http(s) URL such as `https://example.org/`'],
      ['ftp://example.org/', 'expected an absolute http(s) URL'],
      ['https://example.org/archive/?preview=1', 'expected a URL without a query, a fragment or a password'],
      ['', 'expected an absolute http(s) URL'],
    ]) {
      for (const command of ['build', 'check']) {
        const { code: exit, err } = await run([command, '--root', root, '--base-url', value!]);
        expect(exit, value).toBe(2);
        expect(err).toContain(`Unexpected --base-url \`${value}\`, ${expected}`);
      }
    }
  });

  it('checks baseUrl in site.yml the same way', async () => {
    const root = writeSite(site(siteYml().replace('baseUrl: https://test.example/', 'baseUrl: https://test.example/a/#top')));
    const { code: exit, err } = await run(['check', '--root', root]);
    expect(exit).toBe(1);
    expect(err).toContain('content/site.yml:3:10: error: Unexpected value for `baseUrl`: expected a URL without a query, a fragment or a password');
  });
});

describe('bayegan --version', () => {
  it('names the package and the pipeline version that caches are keyed by', async () => {
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out).toBe(`bayegan 0.1.0 pipeline ${RENDER_VERSION}\n`);
  });
});
