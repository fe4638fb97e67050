import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashBytes } from '../../src/load/index.ts';
import { articleFile, build, siteYml, writeSite } from '../helpers/site.ts';

const theme = path.resolve(import.meta.dirname, '../../templates');

function assets(dist: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const name of readdirSync(path.join(dist, 'assets'))) {
    const kind = name.replace(/\.[0-9a-f]{10}\./, '.');
    names.set(kind, name);
  }
  return names;
}

describe('fingerprinted assets', () => {
  it('are named by their bytes: a name changes exactly when the bytes do', async () => {
    const root = writeSite(`-- content/site.yml --\n${siteYml()}\n${articleFile(1)}`);
    cpSync(theme, path.join(root, 'templates'), { recursive: true });
    const first = await build(root);
    const before = assets(first.dist);
    expect([...before.keys()].sort()).toEqual(['logo.png', 'search.css', 'search.js', 'share.js', 'share.png', 'style.css', 'vazirmatn.woff2']);
    // The name is a digest of the bytes, for every file of assets/ but the two images drawn from
    // the site's title (named by a digest of what they are drawn from, so they are drawn only when new).
    for (const name of [...before.values()].filter((n) => !/^(logo|share)\./.test(n))) {
      const digest = /\.([0-9a-f]{10})\./.exec(name)![1];
      expect(hashBytes(readFileSync(path.join(first.dist, 'assets', name))).slice(0, 10), name).toBe(digest);
    }

    // Nothing changed: the same names, and the pages name them.
    const again = assets((await build(root)).dist);
    expect(again).toEqual(before);

    // The stylesheet changes: its name does, the font's does not, and the old stylesheet goes.
    const css = path.join(root, 'templates/assets/style.css');
    writeFileSync(css, `${readFileSync(css, 'utf8')}\n.bench { color: red; }\n`);
    const edited = await build(root);
    const after = assets(edited.dist);
    expect(after.get('style.css')).not.toBe(before.get('style.css'));
    expect(after.get('vazirmatn.woff2')).toBe(before.get('vazirmatn.woff2'));
    expect(readdirSync(path.join(edited.dist, 'assets'))).toHaveLength(before.size);
    expect(edited.read('news/1/index.html')).toContain(`href="/assets/${after.get('style.css')}"`);

    // A template edit that leaves the stylesheet's bytes alone leaves its name alone.
    const footer = path.join(root, 'templates/partials/footer.liquid');
    writeFileSync(footer, readFileSync(footer, 'utf8').replace('<footer class="site-footer">', '<footer class="site-footer" data-x>'));
    expect(assets((await build(root)).dist)).toEqual(after);

    // The drawn images change with the title they show, and only then.
    const titled = path.join(root, 'content/site.yml');
    writeFileSync(titled, readFileSync(titled, 'utf8').replace(/^title: .*$/m, 'title: بایگانی دیگر'));
    const retitled = assets((await build(root)).dist);
    expect(retitled.get('logo.png')).not.toBe(after.get('logo.png'));
    expect(retitled.get('style.css')).toBe(after.get('style.css'));

    // Under another base path the stylesheet names the font at another URL: new bytes, new name.
    const moved = assets((await build(root, { baseUrl: 'https://test.example/archive/' })).dist);
    expect(moved.get('style.css')).not.toBe(after.get('style.css'));
    expect(moved.get('vazirmatn.woff2')).toBe(after.get('vazirmatn.woff2'));
  });
});
