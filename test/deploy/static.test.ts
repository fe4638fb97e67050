import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { changedOutside, makeSandbox, SECRET, treeDigest } from '../helpers/sandbox.ts';
import { codeVersion } from '../helpers/files.ts';
import { articleFile, siteYml, writeSite } from '../helpers/site.ts';

const project = () => `-- content/site.yml --
${siteYml()}
${articleFile(1, { extra: 'aliases: [/old/1.html]\n' })}`;

const bytes = (root: string, file: string) => readFileSync(path.join(root, file));
const allBytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

function writeStatic(root: string, file: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(root, 'static', file)), { recursive: true });
  writeFileSync(path.join(root, 'static', file), content);
}

describe('static/', () => {
  const useCode = codeVersion();

  it('is copied into the output byte for byte, at the same paths, hidden folders and Persian names included', async () => {
    const root = writeSite(project());
    const files: Array<[string, string | Buffer]> = [
      ['CNAME', 'archive.example\n'],
      ['.well-known/security.txt', 'Contact: mailto:security@archive.example\n'],
      ['google1234abcd.html', 'google-site-verification: google1234abcd.html'],
      ['files/all-bytes.bin', allBytes],
      ['پرونده‌ها/گزارش سالانه.pdf', allBytes.subarray(100)],
      ['files/50%.txt', 'percent in a name'],
    ];
    for (const [file, content] of files) writeStatic(root, file, content);
    writeStatic(root, '.DS_Store', 'desktop junk');
    writeStatic(root, 'files/.gitkeep', '');
    const { code: exit } = await run(['build', '--root', root]);
    expect(exit).toBe(0);
    for (const [file, content] of files) expect(bytes(root, `dist/${file}`).equals(Buffer.from(content)), file).toBe(true);
    expect(existsSync(path.join(root, 'dist/.DS_Store'))).toBe(false);
    expect(existsSync(path.join(root, 'dist/files/.gitkeep'))).toBe(false);
  });

  it('writes robots.txt naming the sitemaps, unless static/ has its own, which is copied instead', async () => {
    const root = writeSite(project());
    await run(['build', '--root', root]);
    expect(bytes(root, 'dist/robots.txt').toString()).toBe(
      '# Every page of this archive may be crawled; the sitemaps list them.\nUser-agent: *\nDisallow:\n\n' +
        'Sitemap: https://test.example/sitemap.xml\nSitemap: https://test.example/news-sitemap.xml\n',
    );
    writeStatic(root, 'robots.txt', 'User-agent: *\nDisallow: /old/\n');
    await run(['build', '--root', root]);
    expect(bytes(root, 'dist/robots.txt').toString()).toBe('User-agent: *\nDisallow: /old/\n');
  });

  it('serves the theme’s favicon at /favicon.ico, linked from every page, unless static/ has its own', async () => {
    const root = writeSite(project());
    await run(['build', '--root', root, '--base-url', 'https://test.example/sub/']);
    const theme = readFileSync(path.resolve(import.meta.dirname, '../../templates/assets/favicon.ico'));
    expect(bytes(root, 'dist/favicon.ico').equals(theme)).toBe(true);
    expect(theme.readUInt16LE(2)).toBe(1);
    for (const page of ['index.html', 'news/1/index.html', '404.html', 'tags/index.html']) {
      expect(bytes(root, `dist/${page}`).toString(), page).toContain('<link rel="icon" href="/sub/favicon.ico">');
    }
    writeStatic(root, 'favicon.ico', allBytes);
    await run(['build', '--root', root]);
    expect(bytes(root, 'dist/favicon.ico').equals(allBytes)).toBe(true);
  });

  it('reports a static file where bayegan writes a page, a feed, a redirect or a folder, and writes nothing', async () => {
    const root = writeSite(project());
    await run(['build', '--root', root]);
    const before = treeDigest(path.join(root, 'dist'));
    const collisions = ['tags/index.html', 'feed.xml', '_redirects', 'assets/logo.png', 'old/1.html', 'news/1/index.html', 'tag', 'service/politics', 'index.html'];
    for (const file of collisions) writeStatic(root, file, 'x');
    const { code: exit, err } = await run(['build', '--root', root]);
    expect(exit).toBe(1);
    for (const file of collisions) expect(err).toMatch(new RegExp(`static/${file.replace('.', '\\.')}:1:1: error: Unexpected static file written to .* \\[static-file\\]`));
    expect(err).toContain('`assets/` is bayegan\'s folder for files it names itself');
    expect(err).toContain('see: content/news/1.md:6:11: alias `/old/1.html` is also written to `old/1.html`');
    expect(err).toContain('bayegan writes a folder `tag/` there');
    expect(err).toMatch(/Nothing was written: 9 errors/);
    expect(treeDigest(path.join(root, 'dist'))).toEqual(before);
    // check finds the same, so that CI fails before it builds.
    const checked = await run(['check', '--root', root]);
    expect(checked.code).toBe(1);
    expect(checked.err.match(/\[static-file\]/g)).toHaveLength(9);
  });

  it('publishes a link inside the project, and refuses a link out of it, a FIFO and a broken link without reading them', async () => {
    const box = makeSandbox();
    writeSite(project(), box.root);
    writeFileSync(path.join(box.root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    mkdirSync(path.join(box.root, 'static'));
    symlinkSync('../logo.svg', path.join(box.root, 'static/logo.svg'));
    await run(['build', '--root', box.root]);
    expect(bytes(box.root, 'dist/logo.svg').toString()).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');

    symlinkSync(box.secret, path.join(box.root, 'static/passwd'));
    symlinkSync('../../neighbour', path.join(box.root, 'static/neighbour'));
    symlinkSync('missing.txt', path.join(box.root, 'static/broken.txt'));
    execFileSync('mkfifo', [path.join(box.root, 'static/pipe')]);
    const before = treeDigest(box.parent);
    const { code: exit, err } = await run(['build', '--root', box.root]);
    expect(exit).toBe(1);
    expect(err).toContain(`static/passwd:1:1: error: Unexpected a link out of the project (to \`${box.secret}\`) in \`static/\`, expected a regular file inside the project [static-file]`);
    expect(err).toContain('static/neighbour:1:1: error: Unexpected a link out of the project');
    expect(err).toContain('static/pipe:1:1: error: Unexpected not a regular file (a FIFO, a socket or a device) in `static/`');
    expect(err).toContain('static/broken.txt:1:1: error: Unexpected a link to nothing in `static/`');
    expect(changedOutside(before, treeDigest(box.parent), ['site/.cache'])).toEqual([]);
    rmSync(path.join(box.root, 'dist'), { recursive: true });
    expect(JSON.stringify([...treeDigest(box.root)])).not.toContain(SECRET.trim());
  });

  it('refuses a static/ folder that is itself a link out of the project', async () => {
    const box = makeSandbox();
    writeSite(project(), box.root);
    symlinkSync(path.join(box.parent, 'neighbour'), path.join(box.root, 'static'));
    const { code: exit, err } = await run(['check', '--root', box.root]);
    expect(exit).toBe(1);
    expect(err).toContain('static:1:1: error: Unexpected a link out of the project');
  });

  it('publishes a file added to static/ when nothing else changed, and removes one taken away', async () => {
    useCode('static-test');
    const root = writeSite(project());
    await run(['build', '--root', root]);
    expect((await run(['build', '--root', root])).out).toContain('nothing changed since the last build');
    writeStatic(root, 'CNAME', 'archive.example\n');
    // The file, and _headers with a rule for it.
    expect((await run(['build', '--root', root])).out).toMatch(/ 2 written, /);
    expect(bytes(root, 'dist/CNAME').toString()).toBe('archive.example\n');
    expect(bytes(root, 'dist/_headers').toString()).toContain('/CNAME\n  Cache-Control: public, max-age=60, must-revalidate\n');
    writeStatic(root, 'CNAME', 'www.archive.example\n');
    await run(['build', '--root', root]);
    expect(bytes(root, 'dist/CNAME').toString()).toBe('www.archive.example\n');
    rmSync(path.join(root, 'static/CNAME'));
    expect((await run(['build', '--root', root])).out).toContain('1 removed');
    expect(existsSync(path.join(root, 'dist/CNAME'))).toBe(false);
  });
});
