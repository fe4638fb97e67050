import { appendFileSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildProject } from '../../src/build/index.ts';
import { resolvePaths } from '../../src/config/index.ts';
import { FileLock, OutputWriter, UnsafeOutputPath } from '../../src/write/index.ts';
import { MARKER, markerText } from '../../src/write/marker.ts';
import { makeSandbox, SECRET, treeDigest } from '../helpers/sandbox.ts';
import { build, siteYml, writeSite } from '../helpers/site.ts';
import { snapshot } from '../helpers/snapshot.ts';

function article(id: number, extra = '', body = `متن خبر ${id}.`): string {
  return `-- content/news/${id}.md --\n---\ntitle: خبر ${id}\nshenaseh: ${id}\ndate: 1400-01-${String((id % 28) + 1).padStart(2, '0')}\nservice: ${id % 2 ? 'سیاسی' : 'بین‌الملل'}\ntags: [برچسب ${id % 3}]\n${extra}---\n${body}\n`;
}

function project(ids: number[], root?: string): string {
  return writeSite(`-- content/site.yml --\n${siteYml('pageSize: 2\n')}\n${ids.map((id) => article(id)).join('')}`, root);
}

// A new project with the same content as `root` (no cache, no output folder).
function cleanCopy(root: string): string {
  const news = readdirSync(path.join(root, 'content/news')).map((f) => `-- content/news/${f} --\n${readFileSync(path.join(root, 'content/news', f), 'utf8')}`);
  return writeSite(`${news.join('')}-- content/site.yml --\n${readFileSync(path.join(root, 'content/site.yml'), 'utf8')}`);
}

const detail = (built: Awaited<ReturnType<typeof build>>, phase: string) => built.result.phases.find((p) => p.phase === phase)?.detail;

const bytes = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).map(([file, state]) => [file, state.bytes]));

// Build the sandbox's project and prove that nothing outside it changed, the secret beside it included.
async function buildInside(box: ReturnType<typeof makeSandbox>): Promise<Awaited<ReturnType<typeof build>>> {
  const before = treeDigest(box.parent);
  const built = await build(box.root);
  expect(readFileSync(box.secret, 'utf8')).toBe(SECRET);
  const after = treeDigest(box.parent);
  expect([...after].filter(([rel, kind]) => !rel.startsWith('site/') && before.get(rel) !== kind)).toEqual([]);
  return built;
}

describe('the output folder', () => {
  it('refuses a page whose path would leave the output folder, whoever made it, and leaves the site as it was', async () => {
    const box = makeSandbox();
    project([1, 2], box.root);
    await build(box.root);
    const before = treeDigest(box.parent);
    const writer = new OutputWriter(resolvePaths({ root: box.root }), async () => []);
    await writer.start();
    for (const sitePath of ['/news/%2e%2e/%2e%2e/%2e%2e/x.html', '/..%2f..%2fx.html', '/a%5c..%5c..%5cx', '/%00/x', '/old/100%.html']) {
      await writer.emit({ path: sitePath, key: 'k', content: () => 'hostile' });
      await expect(writer.flush(), sitePath).rejects.toThrow(UnsafeOutputPath);
    }
    await writer.abort();
    const after = treeDigest(box.parent);
    expect([...after].filter(([rel, kind]) => !rel.startsWith('site/.cache') && before.get(rel) !== kind)).toEqual([]);
  });

  it('ignores, with a warning, lines of its own records that name paths outside the output folder', async () => {
    const box = makeSandbox();
    project([1, 2, 3], box.root);
    await build(box.root);
    await build(box.root);
    const state = path.join(box.root, '.cache/out', readdirSync(path.join(box.root, '.cache/out'))[0]!);
    // Forged records: the live record and the standby record each name the secret.
    for (const record of ['live.tsv', 'standby.tsv']) appendFileSync(path.join(state, record), '../../secret.txt\tk\t1\t1\n');
    rmSync(path.join(box.root, 'content/news/3.md'));
    const rebuilt = await build(box.root);
    expect(readFileSync(box.secret, 'utf8')).toBe(SECRET);
    expect(rebuilt.result.warnings.join('\n')).toContain("1 line of the cache's record of the output (live.tsv) named a path outside the output folder and were ignored.");
    expect(rebuilt.exists('news/3/index.html')).toBe(false);
    expect(bytes(rebuilt.dist)).toEqual(bytes((await build(project([1, 2]))).dist));
  });

  it('brings the last build’s changes into the standby tree from its record of them, and ignores that record when forged or stale', async () => {
    const root = project([1, 2, 3]);
    const state = () => path.join(root, '.cache/out', readdirSync(path.join(root, '.cache/out'))[0]!);
    await build(root);
    await build(root);
    appendFileSync(path.join(root, 'content/news/2.md'), '\nبند تازه.\n');
    await build(root);
    // The last build changed article 2's page and the lists that show it, and nothing else of the site.
    const changes = readFileSync(path.join(state(), 'changes.tsv'), 'utf8').split('\n').slice(3, -1);
    expect(changes).toContain('news/2/index.html');
    expect(changes).not.toContain('news/3/index.html');
    const clean = async () => bytes((await build(writeSite(readdirSync(path.join(root, 'content/news')).map((f) => `-- content/news/${f} --\n${readFileSync(path.join(root, 'content/news', f), 'utf8')}`).join('') + `-- content/site.yml --\n${readFileSync(path.join(root, 'content/site.yml'), 'utf8')}`))).dist);
    // The standby tree is the site before the edit: only its record of the changes brings article 2's new page into it.
    rmSync(path.join(root, 'content/news/3.md'));
    const after = await build(root);
    expect(bytes(after.dist)).toEqual(await clean());
    // A forged line: the whole record is refused, the trees are compared instead, nothing outside is touched.
    const box = makeSandbox();
    project([1, 2, 3], box.root);
    await build(box.root);
    await build(box.root);
    const boxState = path.join(box.root, '.cache/out', readdirSync(path.join(box.root, '.cache/out'))[0]!);
    appendFileSync(path.join(boxState, 'changes.tsv'), '../../secret.txt\n');
    appendFileSync(path.join(box.root, 'content/news/1.md'), '\nبند تازه.\n');
    await build(box.root);
    expect(readFileSync(box.secret, 'utf8')).toBe(SECRET);
    // A record of other trees' changes is not applied.
    const record = path.join(state(), 'changes.tsv');
    writeFileSync(record, readFileSync(record, 'utf8').replace(/^from\t.*$/m, `from\t${'0'.repeat(40)}`).split('\n').slice(0, 3).join('\n') + '\n');
    appendFileSync(path.join(root, 'content/news/2.md'), '\nبند دیگر.\n');
    await build(root);
    writeSite(article(4), root);
    expect(bytes((await build(root)).dist)).toEqual(await clean());
  });

  it('renders again, after a build that changed every page, only what the next edit changes: the standby tree is brought up to date', async () => {
    const root = project(Array.from({ length: 40 }, (_, i) => i + 1));
    // The edit patches the search index rather than indexing its one small shard again (whose files would all be rendered again, unchanged).
    process.env.BAYEGAN_SEARCH_PATCH_MIN = '0';
    onTestFinished(() => {
      delete process.env.BAYEGAN_SEARCH_PATCH_MIN;
    });
    await build(root);
    await build(root);
    // Every page changes (the site's title is on each), and the record of changes names them all.
    const settings = path.join(root, 'content/site.yml');
    writeFileSync(settings, readFileSync(settings, 'utf8').replace('title: آزمایش', 'title: آزمایش دوم'));
    const retitled = await build(root);
    expect(retitled.result.written).toBeGreaterThan(20);
    appendFileSync(path.join(root, 'content/news/2.md'), '\nبند تازه.\n');
    const edited = await build(root);
    // Without those pages brought into the standby tree, every one of them would be rendered again.
    const rendered = edited.result.written + edited.result.unchanged;
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(retitled.result.written / 4);
    expect(edited.result.skipped).toBeGreaterThan(retitled.result.written / 2);
  });

  it.each([
    ['in a thread of its own, while the pages are made', '0'],
    ['as the pages come', undefined],
  ])('repairs pages changed or removed by hand in the output folder, and keeps files added by hand, when it is looked at %s', async (_, inspectMin) => {
    if (inspectMin === undefined) delete process.env.BAYEGAN_INSPECT_MIN;
    else process.env.BAYEGAN_INSPECT_MIN = inspectMin;
    onTestFinished(() => {
      delete process.env.BAYEGAN_INSPECT_MIN;
    });
    const root = project([1, 2, 3, 4, 5]);
    await build(root);
    const built = await build(root);
    const clean = bytes(built.dist);
    // In place (the same file, its folder untouched), removed, and a file of the user's own.
    appendFileSync(path.join(built.dist, 'news/3/index.html'), '<script>alert(1)</script>');
    rmSync(path.join(built.dist, 'news/4/index.html'));
    writeFileSync(path.join(built.dist, 'news/notes.txt'), 'by hand');
    // Nothing else changed: every page's key is the last build's, only a look at its file tells.
    const edited = await build(root);
    expect(edited.read('news/notes.txt')).toBe('by hand');
    expect(edited.result.warnings.join('\n')).toContain('`news/notes.txt`');
    const { 'news/notes.txt': _notes, ...site } = bytes(edited.dist);
    expect(site['news/3/index.html']).toEqual(clean['news/3/index.html']);
    expect(site['news/4/index.html']).toEqual(clean['news/4/index.html']);
    expect(site).toEqual(bytes((await build(cleanCopy(root))).dist));
  });

  it.each([
    ['outside CI', ''],
    // A CI run may keep .cache/ alone: the standby tree is then the next run's site (see below).
    ['in CI', 'true'],
  ])('the first build of a large site leaves a standby tree for the next build %s', async (_, ci) => {
    const saved = process.env.CI;
    process.env.BAYEGAN_INSPECT_MIN = '0';
    process.env.CI = ci;
    onTestFinished(() => {
      delete process.env.BAYEGAN_INSPECT_MIN;
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    });
    const root = project([1, 2, 3, 4, 5]);
    const first = await build(root);
    const state = path.join(root, '.cache/out', readdirSync(path.join(root, '.cache/out'))[0]!);
    const standby = path.join(state, 'standby');
    const files = Object.keys(bytes(first.dist));
    expect(detail(first, 'commit')).toBe(`and a standby tree of its ${files.length} files kept for the next build`);
    // A copy of the live site made of hard links, with its record.
    for (const file of files) expect(lstatSync(path.join(standby, file)).ino, file).toBe(lstatSync(path.join(first.dist, file)).ino);
    expect(readFileSync(path.join(state, 'standby.tsv'), 'utf8')).toBe(readFileSync(path.join(state, 'live.tsv'), 'utf8'));
    appendFileSync(path.join(root, 'content/news/2.md'), '\nبند تازه.\n');
    const edited = await build(root);
    // Kept, it is brought up to date, not made again from the live site.
    expect(detail(edited, 'output folder')).toBeUndefined();
    expect(edited.result.written).toBeGreaterThan(0);
    expect(bytes(edited.dist)).toEqual(bytes((await build(cleanCopy(root))).dist));
  });

  describe('with the cache but no output folder (deleted, or a CI run that keeps .cache/ alone)', () => {
    // A large site's first build, its standby tree kept; then the output folder goes and one article changes.
    async function withoutOutput(): Promise<{ root: string; files: number; state: string }> {
      process.env.BAYEGAN_INSPECT_MIN = '0';
      onTestFinished(() => {
        delete process.env.BAYEGAN_INSPECT_MIN;
      });
      const root = project([1, 2, 3, 4, 5, 6, 7]);
      const first = await build(root);
      const state = path.join(root, '.cache/out', readdirSync(path.join(root, '.cache/out'))[0]!);
      const files = Object.keys(bytes(first.dist)).length;
      rmSync(first.dist, { recursive: true });
      appendFileSync(path.join(root, 'content/news/2.md'), '\nبند تازه.\n');
      return { root, files, state };
    }

    it('starts from the site the cache keeps and renders only what changed, giving the files of a clean build', async () => {
      const { root, files } = await withoutOutput();
      const again = await build(root);
      expect(detail(again, 'output folder')).toBe(`no live site: the earlier site kept in the cache is the base, ${files - 1} files`);
      // Most outputs were vouched for by the kept tree, not rendered again.
      expect(again.result.skipped).toBeGreaterThan(files / 2);
      expect(again.result.written).toBeLessThan(files / 2);
      expect(bytes(again.dist)).toEqual(bytes((await build(cleanCopy(root))).dist));
      // And it leaves a standby tree again, for the build after it.
      appendFileSync(path.join(root, 'content/news/3.md'), '\nبند دیگر.\n');
      const next = await build(root);
      expect(detail(next, 'output folder')).toBeUndefined();
      expect(bytes(next.dist)).toEqual(bytes((await build(cleanCopy(root))).dist));
    });

    it('publishes nothing of the kept tree but its own files as its record has them: planted, changed and linked files are left out or made again', async () => {
      const box = makeSandbox();
      project([1, 2, 3, 4, 5, 6, 7], box.root);
      process.env.BAYEGAN_INSPECT_MIN = '0';
      onTestFinished(() => {
        delete process.env.BAYEGAN_INSPECT_MIN;
      });
      const first = await build(box.root);
      const state = path.join(box.root, '.cache/out', readdirSync(path.join(box.root, '.cache/out'))[0]!);
      const standby = path.join(state, 'standby');
      rmSync(first.dist, { recursive: true });
      // A file the record does not name, a page changed (so unlike its record line), a page replaced by a link out, a linked folder.
      writeFileSync(path.join(standby, 'news/planted.html'), '<script>alert(1)</script>');
      appendFileSync(path.join(standby, 'news/3/index.html'), '<script>alert(1)</script>');
      rmSync(path.join(standby, 'news/4/index.html'));
      symlinkSync(box.secret, path.join(standby, 'news/4/index.html'));
      symlinkSync(box.parent, path.join(standby, 'elsewhere'));
      const again = await buildInside(box);
      expect(detail(again, 'output folder')).toMatch(/^no live site: the earlier site kept in the cache is the base/);
      expect(bytes(again.dist)).toEqual(bytes((await build(cleanCopy(box.root))).dist));
      expect(lstatSync(path.join(again.dist, 'news/4/index.html')).isFile()).toBe(true);
    });

    it('leaves out files the kept site had kept from an output folder (put there by hand)', async () => {
      const { root } = await withoutOutput();
      // Built again with a file of the user's own in the output folder, twice, so that the standby tree and its record have it.
      const withNotes = await build(root);
      writeFileSync(path.join(withNotes.dist, 'notes.txt'), 'by hand');
      await build(root);
      const kept = await build(root);
      expect(kept.read('notes.txt')).toBe('by hand');
      rmSync(kept.dist, { recursive: true });
      const again = await build(root);
      expect(detail(again, 'output folder')).toMatch(/^no live site: the earlier site kept in the cache is the base/);
      expect(again.exists('notes.txt')).toBe(false);
      expect(bytes(again.dist)).toEqual(bytes((await build(cleanCopy(root))).dist));
    });

    it.each([
      ['its record is missing', (state: string) => rmSync(path.join(state, 'standby.tsv'))],
      ['its record is of another tree', (state: string) => writeFileSync(path.join(state, 'standby', MARKER), markerText('0'.repeat(40)))],
      ['its record names a path outside the output folder', (state: string) => appendFileSync(path.join(state, 'standby.tsv'), '../../secret.txt\tk\t1\t1\n')],
    ])('renders every page when the kept tree cannot be trusted: %s', async (_, damage) => {
      const { root, state } = await withoutOutput();
      damage(state);
      const again = await build(root);
      expect(detail(again, 'output folder')).toBeUndefined();
      expect(again.result.skipped).toBe(0);
      expect(bytes(again.dist)).toEqual(bytes((await build(cleanCopy(root))).dist));
    });
  });

  it('never follows links planted where the first build keeps its standby tree and its record', async () => {
    process.env.BAYEGAN_INSPECT_MIN = '0';
    const saved = process.env.CI;
    process.env.CI = '';
    onTestFinished(() => {
      delete process.env.BAYEGAN_INSPECT_MIN;
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    });
    const box = makeSandbox();
    project([1, 2], box.root);
    const first = await build(box.root);
    const state = path.join(box.root, '.cache/out', readdirSync(path.join(box.root, '.cache/out'))[0]!);
    // The site is deleted, so the next build is a first one again; its standby tree and record are links out.
    rmSync(first.dist, { recursive: true });
    rmSync(path.join(state, 'standby'), { recursive: true });
    rmSync(path.join(state, 'standby.tsv'));
    symlinkSync(path.join(box.parent, 'neighbour'), path.join(state, 'standby'));
    symlinkSync(box.secret, path.join(state, 'standby.tsv'));
    const again = await buildInside(box);
    expect(lstatSync(path.join(state, 'standby')).isDirectory()).toBe(true);
    expect(readFileSync(path.join(state, 'standby.tsv'), 'utf8')).toBe(readFileSync(path.join(state, 'live.tsv'), 'utf8'));
    expect(bytes(again.dist)).toEqual(bytes(first.dist));
  });

  it('makes the standby tree again, from the live site, when its record was lost', async () => {
    const root = project([1, 2, 3]);
    await build(root);
    const built = await build(root);
    const state = path.join(root, '.cache/out', readdirSync(path.join(root, '.cache/out'))[0]!);
    rmSync(path.join(state, 'standby.tsv'), { force: true });
    appendFileSync(path.join(root, 'content/news/2.md'), '\nبند تازه.\n');
    const edited = await build(root);
    expect(edited.result.phases.find((p) => p.phase === 'output folder')?.detail).toBe(`the standby tree made again from the live site: ${Object.keys(bytes(built.dist)).length} files`);
    expect(bytes(edited.dist)).toEqual(bytes((await build(cleanCopy(root))).dist));
  });

  it('never writes through a link planted in .cache/ under the name of the build stamp', async () => {
    // The stamp is kept for a known code version (the CLI's bundle sets it).
    process.env.BAYEGAN_CODE_VERSION = 'test';
    onTestFinished(() => {
      delete process.env.BAYEGAN_CODE_VERSION;
    });
    const box = makeSandbox();
    project([1, 2], box.root);
    await build(box.root);
    const stamp = path.join(box.root, '.cache/build-stamp.json');
    expect(existsSync(stamp)).toBe(true);
    rmSync(stamp);
    symlinkSync(box.secret, stamp);
    appendFileSync(path.join(box.root, 'content/news/2.md'), '\nبند تازه.\n');
    await build(box.root);
    expect(readFileSync(box.secret, 'utf8')).toBe(SECRET);
  });

  it('never writes a rendered body through a link planted in .cache/html/', async () => {
    const box = makeSandbox();
    project([1, 2], box.root);
    await build(box.root);
    const store = path.join(box.root, '.cache/html');
    const folder = readdirSync(store)[0]!;
    const body = path.join(store, folder, readdirSync(path.join(store, folder))[0]!);
    rmSync(body);
    symlinkSync(box.secret, body);
    // Every page is rendered again; the link's target fails the checksum: the body is rendered again and stored.
    writeFileSync(path.join(box.root, 'content/site.yml'), siteYml('pageSize: 2\n').replace('آزمایش', 'آزمون'));
    const again = await build(box.root);
    expect(readFileSync(box.secret, 'utf8')).toBe(SECRET);
    expect(again.result.warnings.join('\n')).toMatch(/rendered bod(y was|ies were) missing or damaged/);
    // The link was replaced by the body itself.
    expect(lstatSync(body).isFile()).toBe(true);
  });

  it('gives, build after build, exactly the files of a clean build, reusing the tree before last', async () => {
    const root = project([1, 2, 3, 4, 5]);
    const steps: Array<[string, () => void]> = [
      ['nothing', () => {}],
      ['edit', () => appendFileSync(path.join(root, 'content/news/2.md'), '\nبند تازه.\n')],
      ['add', () => writeSite(article(6, 'aliases: [/old/6.html]\n'), root)],
      ['delete', () => rmSync(path.join(root, 'content/news/1.md'))],
      ['retitle', () => writeFileSync(path.join(root, 'content/site.yml'), siteYml('pageSize: 2\n').replace('آزمایش', 'آزمون'))],
      ['restore', () => writeSite(article(1), root)],
      ['edit again', () => appendFileSync(path.join(root, 'content/news/6.md'), '\nبند دیگر.\n')],
      ['drop alias', () => writeSite(article(6), root)],
    ];
    await build(root);
    for (const [name, change] of steps) {
      change();
      const built = await build(root);
      expect(bytes(built.dist), name).toEqual(bytes((await build(cleanCopy(root))).dist));
      expect(readdirSync(root).filter((f) => f.includes('staging'))).toEqual([]);
    }
  });

  it('waits while another build holds the output folder, naming it, then builds', async () => {
    const root = project([1, 2, 3, 4]);
    await build(root);
    const state = path.join(root, '.cache/out', readdirSync(path.join(root, '.cache/out'))[0]!);
    const other = new FileLock(path.join(state, 'lock'));
    await other.acquire();
    const told: string[] = [];
    setTimeout(() => other.release(), 300);
    const result = await buildProject({ root, waiting: (m) => told.push(m) });
    expect(result.articles).toBe(4);
    expect(told.join('')).toMatch(/^Waiting for another build of this output folder to finish \(pid \d+ on .+, started .+\)\.$/);
  });

  it('takes over the lock of a build that is gone', async () => {
    const root = project([1, 2]);
    await build(root);
    const state = path.join(root, '.cache/out', readdirSync(path.join(root, '.cache/out'))[0]!);
    // A pid that no process has: the build that held it was killed.
    writeFileSync(path.join(state, 'lock'), JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), started: 'then', command: 'bayegan build' }));
    const told: string[] = [];
    expect((await buildProject({ root, waiting: (m) => told.push(m) })).articles).toBe(2);
    expect(told).toEqual([]);
    expect(existsSync(path.join(state, 'lock'))).toBe(false);
  });

  it('puts the old site back when a build was killed between the two renames of its swap', async () => {
    const root = project([1, 2]);
    const first = await build(root);
    const before = bytes(first.dist);
    const state = path.join(root, '.cache/out', readdirSync(path.join(root, '.cache/out'))[0]!);
    renameSync(first.dist, path.join(state, 'previous'));
    expect(existsSync(first.dist)).toBe(false);
    const next = await build(root);
    expect(next.result.warnings).toContain('A build was stopped while it replaced the site; the site it was replacing was put back.');
    expect(bytes(next.dist)).toEqual(before);
  });
});
