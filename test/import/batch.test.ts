import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, siteYml } from '../helpers/site.ts';
import { dumps, dumpText, emptySite, importInto, shown } from './helpers.ts';

const kabulFile = 'content/news/1393/09/41007.md';

/** A dump written into a fresh folder (outside the dumps of the repository). */
function scratchDump(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bayegan-dump-')), name);
  writeFileSync(file, text);
  return file;
}

describe('bayegan import: services', () => {
  it('rejects a service the registry does not know, listing the known ones, and writes nothing', async () => {
    const root = emptySite();
    const { code, out, err } = await importInto(root, 'new-service.txt');
    expect(code).toBe(1);
    expect(err).toContain(
      `${shown('new-service.txt')}:4:12: error: Unexpected service \`محیط زیست\`, expected one of \`بین‌الملل\`, \`سیاسی\` [import-unknown-service]\n` +
        '  fix: Add the service to `services` in content/site.yml, or import with `--add-services` to add it with a generated slug.',
    );
    expect(out).toBe('Imported 0, unchanged 0, failed 1\n');
    expect(readFileSync(path.join(root, 'content/site.yml'), 'utf8')).toBe(siteYml());
    expect(existsSync(path.join(root, 'content/news'))).toBe(false);
  });

  it('with --add-services, adds it to content/site.yml with a generated slug, and the site builds', async () => {
    const root = emptySite();
    const { code, out } = await importInto(root, '--add-services', 'new-service.txt');
    expect(out).toBe('Added service `محیط زیست` (slug `محیط-زیست`) to content/site.yml\nImported 1, unchanged 0, failed 0\n');
    expect(code).toBe(0);
    expect(readFileSync(path.join(root, 'content/site.yml'), 'utf8')).toBe(`${siteYml()}  - slug: محیط-زیست\n    name: محیط زیست\n`);
    expect(readFileSync(path.join(root, 'content/news/1396/12/41009.md'), 'utf8')).toContain('\nservice: محیط زیست\n');
    const site = await build(root);
    expect(site.exists('service/محیط-زیست/index.html')).toBe(true);
    expect(site.read('news/41009/index.html')).toContain('صدها داوطلب در روز جمعه');
  });
});

describe('bayegan import: the same article again', () => {
  it('importing the same dump twice gives the same file, reported unchanged and not rewritten', async () => {
    const root = emptySite();
    expect((await importInto(root, 'kabul-water.txt')).code).toBe(0);
    const file = path.join(root, kabulFile);
    const bytes = readFileSync(file);
    const past = new Date('2020-01-01T00:00:00Z');
    utimesSync(file, past, past);
    const again = await importInto(root, 'kabul-water.txt');
    expect(again).toEqual({ code: 0, out: 'Imported 0, unchanged 1, failed 0\n', err: '' });
    expect(readFileSync(file)).toEqual(bytes);
    expect(statSync(file).mtimeMs).toBe(past.getTime());
  });

  it('a different article with an existing shenaseh is a conflict naming the file; --force replaces it', async () => {
    const root = emptySite();
    expect((await importInto(root, 'kabul-water.txt')).code).toBe(0);
    const before = readFileSync(path.join(root, kabulFile), 'utf8');
    const other = scratchDump('other.txt', dumpText('kabul-water.txt').replace('نشست بعدی در بهار', 'نشست بعدی در تابستان'));
    const refused = await importInto(root, other);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `${other}:5:17: error: Unexpected shenaseh \`41007\` of another article, expected the article already in \`${kabulFile}\` [import-conflict]`,
    );
    expect(refused.err).toContain('Import with `--force` to replace it');
    expect(readFileSync(path.join(root, kabulFile), 'utf8')).toBe(before);

    const forced = await importInto(root, '--force', other);
    expect(forced.out).toBe(`${other}: replaced ${kabulFile}, shenaseh 41007\nImported 1, unchanged 0, failed 0\n`);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(root, kabulFile), 'utf8')).toBe(before.replace('نشست بعدی در بهار', 'نشست بعدی در تابستان'));
  });

  it('finds a shenaseh anywhere under content/, and --force replaces that file where it is', async () => {
    const root = emptySite();
    const elsewhere = path.join(root, 'content/archive/old.md');
    mkdirSync(path.dirname(elsewhere), { recursive: true });
    writeFileSync(elsewhere, '---\ntitle: نسخهٔ قدیمی\nshenaseh: "۴۱۰۰۷"\ndate: 1393-09-06\nservice: سیاسی\n---\nمتن قدیمی.\n');
    const refused = await importInto(root, 'kabul-water.txt');
    expect(refused.err).toContain('expected the article already in `content/archive/old.md` [import-conflict]');
    expect(existsSync(path.join(root, kabulFile))).toBe(false);

    const forced = await importInto(root, '--force', 'kabul-water.txt');
    expect(forced.out).toContain(`: replaced content/archive/old.md, shenaseh 41007 (kept at its path; by its date it would be ${kabulFile})\n`);
    expect(readFileSync(elsewhere, 'utf8')).toContain('\nshenaseh: 41007\n');
    expect(existsSync(path.join(root, kabulFile))).toBe(false);
  });
});

describe('bayegan import: a batch', () => {
  it('imports a folder of good and bad dumps: the batch goes on, ends with a summary and exits 1', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'bayegan-dumps-'));
    for (const name of ['kabul-water.txt', 'no-id.txt', 'budget-markdown.txt', 'empty-body.txt', 'market-page.html']) {
      copyFileSync(path.join(dumps, name), path.join(folder, name));
    }
    writeFileSync(path.join(folder, '.hidden.txt'), 'not a dump');
    const root = emptySite();
    const { code, out, err } = await importInto(root, folder);
    expect(code).toBe(1);
    expect(out).toBe('Imported 3, unchanged 0, failed 2\n');
    expect(err).toContain(`${path.join(folder, 'no-id.txt')}:5:1: error:`);
    expect(err).toContain(`${path.join(folder, 'empty-body.txt')}:7:1: error:`);
    for (const file of [kabulFile, 'content/news/1395/03/41008.md', 'content/news/1400/12/41013.md']) expect(existsSync(path.join(root, file))).toBe(true);
    expect((await build(root)).result.articles).toBe(3);
  });

  it('exits 2 without importing when no dump is named or a path does not exist', async () => {
    const root = emptySite();
    const none = await importInto(root);
    expect(none.code).toBe(2);
    expect(none.err).toContain('expected dump files or folders');
    const missing = await importInto(root, 'kabul-water.txt', 'no-such-dump.txt');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no-such-dump.txt');
    expect(existsSync(path.join(root, 'content/news'))).toBe(false);
  });
});
