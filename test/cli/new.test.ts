import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { run } from '../helpers/cli.ts';
import { siteYml, writeSite } from '../helpers/site.ts';

const archive = `-- content/site.yml --
${siteYml()}
-- content/news/1393/09/21007.md --
---
title: یک
shenaseh: 21007
date: 1393-09-06
service: بین‌الملل
tags: [انرژی]
---
متن.
-- content/news/old.md --
---
title: [شکسته
shenaseh: 30000
---
متن.
`;

function files(root: string): string[] {
  return readdirSync(path.join(root, 'content'), { recursive: true }).map(String).sort();
}

describe('bayegan new', () => {
  // 1403-01-01 09:05 in Tehran (2024-03-20T05:35Z).
  pinSourceDateEpoch(1710912900);

  it('starts articles with consecutive shenasehs, today in the site time zone, the service and tags as the archive spells them', async () => {
    const root = writeSite(archive);
    const first = await run(['new', '--root', root, '--service', 'بين الملل', '--title', '  نشست  تازه: انرژی ', '--tags', 'انرژي، تهران']);
    expect(first).toMatchObject({ code: 0, out: 'content/news/1403/01/30001.md\n' });
    // The largest shenaseh is that of a file with a mistake in it: it is taken all the same.
    expect(readFileSync(path.join(root, 'content/news/1403/01/30001.md'), 'utf8')).toBe(
      '---\ntitle: "نشست تازه: انرژی"\nshenaseh: 30001\ndate: 1403-01-01 09:05\nservice: بین‌الملل\ntags: [ انرژی, تهران ]\n---\n\n',
    );
    const second = await run(['new', '--root', root, '--service', 'politics', '--title', 'دو']);
    expect(second).toMatchObject({ code: 0, out: 'content/news/1403/01/30002.md\n' });
    expect(readFileSync(path.join(root, 'content/news/1403/01/30002.md'), 'utf8')).toContain('service: سیاسی\n');
    // What new writes passes check (the broken file aside).
    const check = await run(['check', '--root', root]);
    expect(check.err).not.toContain('30001.md');
    expect(check.err).not.toContain('30002.md');
  });

  it('fails on an unknown service with the known ones, and creates nothing', async () => {
    const root = writeSite(archive);
    const before = files(root);
    const { code, err } = await run(['new', '--root', root, '--service', 'sport', '--title', 'گل']);
    expect(code).toBe(2);
    expect(err).toContain('Unexpected service `sport`, expected one of content/site.yml\'s services');
    expect(err).toContain('Known services: international (بین‌الملل), politics (سیاسی)');
    expect(files(root)).toEqual(before);
  });

  it('never overwrites a file, and asks for what it needs', async () => {
    const root = writeSite(archive);
    // Not a source (a file named `30001.md` would be one, and its id taken): a folder in the way.
    const target = path.join(root, 'content/news/1403/01/30001.md');
    mkdirSync(target, { recursive: true });
    writeFileSync(path.join(target, 'keep.txt'), 'mine\n');
    const { code, err } = await run(['new', '--root', root, '--service', 'politics', '--title', 'سه']);
    expect(code).toBe(2);
    expect(err).toContain('exists, expected to create it; nothing was changed');
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('mine\n');
    expect(readdirSync(path.dirname(target))).toEqual(['30001.md']);
    expect((await run(['new', '--root', root, '--title', 'سه'])).err).toContain('without `--service`');
    expect((await run(['new', '--root', root, '--service', 'politics', '--title', ' '])).err).toContain('empty `--title`');
  });

  it('never writes through a link in content/ that leads out of it (a committed link is content too)', async () => {
    const root = writeSite(archive);
    const outside = mkdtempSync(path.join(tmpdir(), 'bayegan-outside-'));
    symlinkSync(outside, path.join(root, 'content/news/1403'));
    const { code, err } = await run(['new', '--root', root, '--service', 'politics', '--title', 'سه']);
    expect(code).toBe(2);
    expect(err).toContain('leads out of content/');
    expect(readdirSync(outside)).toEqual([]);
  });
});

describe('bayegan init', () => {
  pinSourceDateEpoch(1710912900);

  it('starts an archive that checks and builds, in an empty folder or a fresh npm project', async () => {
    const root = writeSite('-- package.json --\n{"name":"newsroom"}\n');
    const { code, out } = await run(['init', root, '--title', 'خبرگزاری آزمایش', '--base-url', 'https://news.example.org']);
    expect(code).toBe(0);
    expect(out).toContain('created  content/site.yml\ncreated  content/news/1403/01/1.md\ncreated  .gitignore\n');
    expect(readFileSync(path.join(root, 'content/site.yml'), 'utf8')).toContain('title: خبرگزاری آزمایش\n');
    expect((await run(['check', '--root', root])).err).toMatch(/1 file checked in [\d.]+ s: 0 errors, 0 warnings/);
    const next = await run(['new', '--root', root, '--service', 'economy', '--title', 'دومین خبر']);
    expect(next.out).toBe('content/news/1403/01/2.md\n');
    expect((await run(['build', '--root', root])).code).toBe(0);
    expect(existsSync(path.join(root, 'dist/news/2/index.html'))).toBe(true);
  });

  it('refuses a folder with other files, and a base URL that is not one', async () => {
    const root = writeSite('-- notes.txt --\nmine\n');
    const { code, err } = await run(['init', root]);
    expect(code).toBe(2);
    expect(err).toContain('(it holds `notes.txt`), expected an empty folder');
    expect(existsSync(path.join(root, 'content'))).toBe(false);
    const empty = writeSite('');
    expect((await run(['init', empty, '--base-url', 'example.org'])).err).toContain('Unexpected --base-url `example.org`');
    expect(existsSync(path.join(empty, 'content'))).toBe(false);
  });
});
