import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteYml } from '../helpers/site.ts';
import { changedOutside, makeSandbox, treeDigest } from '../helpers/sandbox.ts';
import { PNG } from '../helpers/images.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/bayegan.mjs');
const article = (id: number, extra = '', body = 'متن.') => `---\ntitle: خبر ${id}\nshenaseh: ${id}\ndate: 1400-01-0${id}\nservice: سیاسی\n${extra}---\n${body}\n`;

// Root reads every file whatever its mode, and CI runs as root: the commands then run as
// `nobody`, who owns the project (as an editor owns theirs) and is refused what has mode 000.
const asNobody = process.getuid?.() === 0;
const NOBODY = 65534;

function chownTree(dir: string): void {
  chownSync(dir, NOBODY, NOBODY);
  for (const entry of readdirSync(dir, { recursive: true })) chownSync(path.join(dir, String(entry)), NOBODY, NOBODY);
}

function bayegan(args: string[], cwd: string): { code: number; text: string } {
  const command = asNobody ? 'setpriv' : process.execPath;
  const prefix = asNobody ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [];
  // The bundle is made where nobody may write (tmpdir), or the sources run through tsx.
  const env = { ...process.env, HOME: cwd, SOURCE_DATE_EPOCH: '1710880200', NO_COLOR: '1' };
  const run = spawnSync(command, [...prefix, bin, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  // The build's one line per phase (stderr without a terminal) is not what this test is about.
  const text = `${run.stdout}${run.stderr}`.replace(/ in \d+(\.\d+)? s\b/g, ' in N s').replace(/^ {2}\S.* in N s\n/gm, '');
  return { code: run.status ?? -1, text };
}

describe('files and folders bayegan may not read', () => {
  it('are errors at their path, the same from check and build, and nothing outside the output changes', { timeout: 240_000 }, () => {
    const box = makeSandbox();
    const news = path.join(box.root, 'content/news');
    mkdirSync(path.join(news, 'locked'), { recursive: true });
    writeFileSync(path.join(box.root, 'content/site.yml'), siteYml());
    writeFileSync(path.join(news, '1.md'), article(1, 'image: map.png\n', 'پیوند به [دو](/news/2/).'));
    writeFileSync(path.join(news, '2.md'), article(2));
    writeFileSync(path.join(news, 'locked/3.md'), article(3));
    writeFileSync(path.join(news, 'map.png'), PNG);
    chmodSync(box.parent, 0o755);
    if (asNobody) chownTree(box.root);
    chmodSync(path.join(news, '2.md'), 0);
    chmodSync(path.join(news, 'map.png'), 0);
    chmodSync(path.join(news, 'locked'), 0);
    const before = treeDigest(box.parent);
    const check = bayegan(['check'], box.root);
    const build = bayegan(['build'], box.root);
    const expected = [
      'content/news/1.md:6:8: error: Unexpected image `map.png` that cannot be read (permission denied), expected a file bayegan can read [image-format]',
      '  fix: Give the file read permission (`chmod a+r`).',
      '',
      'content/news/2.md:1:1: error: Unexpected file that cannot be read (permission denied), expected an article bayegan can read [file-unreadable]',
      '  fix: Give the file read permission (`chmod a+r`), or move it out of `content/`.',
      '',
      'content/news/locked:1:1: error: Unexpected folder that cannot be read (permission denied), expected a folder of articles [file-unreadable]',
      '  fix: Give the folder read and search permission (`chmod a+rx`), or move it out of `content/`: bayegan cannot tell which articles it holds.',
    ].join('\n');
    expect(check.text).toBe(`${expected}\n2 files checked in N s: 3 errors, 0 warnings\n`);
    expect(build.text).toBe(`${expected}\nNothing was written: 3 errors, 0 warnings.\n`);
    expect([check.code, build.code]).toEqual([1, 1]);
    expect(changedOutside(before, treeDigest(box.parent), ['site/.cache', 'site/dist'])).toEqual([]);
    // Readable again, the same project builds, and the file no longer counts as unreadable (nothing of that was cached).
    for (const file of ['2.md', 'map.png', 'locked']) chmodSync(path.join(news, file), file === 'locked' ? 0o755 : 0o644);
    expect(bayegan(['build'], box.root)).toMatchObject({ code: 0 });
  });
});
