import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildSession, type FileChange } from '../../src/build/index.ts';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { article, draftSite } from '../helpers/dev-site.ts';
import { siteYml, writeSite } from '../helpers/site.ts';

const site = draftSite;

let session: BuildSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function open(root: string): Promise<BuildSession> {
  session = await BuildSession.open({ root, threads: 0 });
  return session;
}

async function text(s: BuildSession, name: string): Promise<string | undefined> {
  const file = await s.file(name);
  return file && Buffer.from(file.bytes).toString('utf8');
}

function save(root: string, file: string, content: string, kind: FileChange['kind'] = 'change'): FileChange {
  const abs = path.join(root, file);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
  return { kind, path: abs };
}

describe('the dev build session', () => {
  pinSourceDateEpoch(1710880200);

  it('builds drafts, in memory, and never writes the output folder', async () => {
    const root = writeSite(site);
    const s = await open(root);
    expect(await text(s, 'news/3/index.html')).toContain('خبر سوم');
    expect((await s.file('news/3/index.html'))?.article?.draft).toBe(true);
    expect(await text(s, 'index.html')).toContain('خبر سوم');
    expect(await s.file('news/99/index.html')).toBeUndefined();
    expect(() => readFileSync(path.join(root, 'dist/index.html'))).toThrow();
  });

  it('takes an edit that keeps the article in place everywhere it is shown: its page, lists, neighbours and feeds', async () => {
    const root = writeSite(site);
    const s = await open(root);
    const result = await s.update([save(root, 'content/news/2.md', article(2, 'عنوان تازهٔ دوم', '', 'بند تازه.'))]);
    expect(result).toMatchObject({ scope: 'articles', parsed: ['content/news/2.md'], removed: [] });
    expect(await text(s, 'news/2/index.html')).toContain('بند تازه.');
    for (const page of ['news/2/index.html', 'index.html', 'service/politics/index.html', 'tag/انرژی/index.html', 'news/1/index.html', 'feed.xml', 'archive/1399/02/index.html']) {
      expect(await text(s, page), page).toContain('عنوان تازهٔ دوم');
      expect(await text(s, page), page).not.toContain('خبر دوم');
    }
    // The same bytes saved again: nothing to do.
    expect((await s.update([{ kind: 'change', path: path.join(root, 'content/news/2.md') }])).scope).toBe('nothing');
  });

  it('shows a broken front matter as a problem, keeps the last good site, and clears it when fixed', async () => {
    const root = writeSite(site);
    const s = await open(root);
    await s.update([save(root, 'content/news/2.md', article(2, 'خبر دوم').replace('date: 1399-02-01', 'date: 1399-02-40'))]);
    expect(s.problems).toMatchObject([{ file: 'content/news/2.md', line: 4, column: 7, ruleId: 'date-invalid', severity: 'error' }]);
    expect(await text(s, 'news/2/index.html')).toContain('خبر دوم');
    const fixed = await s.update([save(root, 'content/news/2.md', article(2, 'خبر دوم درست'))]);
    expect(fixed.scope).toBe('site');
    expect(s.problems).toEqual([]);
    expect(await text(s, 'news/2/index.html')).toContain('خبر دوم درست');
  });

  it('removes a deleted article and its links, and adds a new one', async () => {
    const root = writeSite(site);
    const s = await open(root);
    rmSync(path.join(root, 'content/news/1.md'));
    const removed = await s.update([{ kind: 'unlink', path: path.join(root, 'content/news/1.md') }]);
    expect(removed).toMatchObject({ scope: 'site', removed: ['content/news/1.md'] });
    expect(await s.file('news/1/index.html')).toBeUndefined();
    expect(await text(s, 'index.html')).not.toContain('/news/1/');
    const added = await s.update([save(root, 'content/news/1400/4.md', article(4, 'خبر چهارم'), 'add')]);
    expect(added).toMatchObject({ scope: 'site', parsed: ['content/news/1400/4.md'] });
    expect(await text(s, 'index.html')).toContain('/news/4/');
    // An editor's swap file is no source.
    expect((await s.update([save(root, 'content/news/.4.md.swp', 'x', 'add')])).scope).toBe('nothing');
  });

  it('takes a burst of new files in one update, parsed on worker threads', { timeout: 120_000 }, async () => {
    const root = writeSite(site);
    session = await BuildSession.open({ root, threads: 1 });
    const changes = Array.from({ length: 40 }, (_, i) => save(root, `content/news/1401/${100 + i}.md`, article(100 + i, `خبر ${100 + i}`).replace(/date: .*/, 'date: 1401-01-01'), 'add'));
    const result = await session.update(changes);
    expect(result).toMatchObject({ scope: 'site' });
    expect(result.parsed).toHaveLength(40);
    expect(await text(session, 'news/139/index.html')).toContain('خبر 139'.replace('139', '۱۳۹'));
    expect(session.problems).toEqual([]);
  });

  it('moves an article whose date or tags changed, checking the archive again', async () => {
    const root = writeSite(site);
    const s = await open(root);
    const result = await s.update([save(root, 'content/news/1.md', article(1, 'خبر یکم').replace('tags: [انرژی]', 'tags: [آب]'))]);
    expect(result.scope).toBe('site');
    expect(await text(s, 'tag/آب/index.html')).toContain('خبر یکم');
  });

  it('reloads templates without parsing Markdown, and reports a template error at its line', async () => {
    const root = writeSite(site);
    const templates = path.join(root, 'templates');
    // The project's own copy of the whole theme.
    cpSync(path.resolve(import.meta.dirname, '../../templates'), templates, { recursive: true });
    const s = await open(root);
    const footer = path.join(templates, 'partials/footer.liquid');
    writeFileSync(footer, `${readFileSync(footer, 'utf8')}<p>پانوشت تازه</p>\n`);
    const result = await s.update([{ kind: 'change', path: footer }]);
    expect(result).toMatchObject({ scope: 'theme', parsed: [] });
    expect(await text(s, 'news/1/index.html')).toContain('پانوشت تازه');
    writeFileSync(footer, `<p>\n{% iff x %}</p>\n`);
    await s.update([{ kind: 'change', path: footer }]);
    expect(s.problems).toMatchObject([{ file: 'templates/partials/footer.liquid', line: 2, column: 1, ruleId: 'template-error' }]);
    writeFileSync(footer, '<footer>درست</footer>\n');
    await s.update([{ kind: 'change', path: footer }]);
    expect(s.problems).toEqual([]);
    expect(await text(s, 'index.html')).toContain('<footer>درست</footer>');
  });

  it('redoes everything when the site settings change, and waits out settings that do not read', async () => {
    const root = writeSite(site);
    const s = await open(root);
    const settings = path.join(root, 'content/site.yml');
    writeFileSync(settings, siteYml().replace('title: آزمایش', 'title: [آزمایش'));
    await s.update([{ kind: 'change', path: settings }]);
    expect(s.problems[0]).toMatchObject({ file: 'content/site.yml', ruleId: 'yaml-syntax' });
    expect(await text(s, 'index.html')).toContain('آزمایش');
    writeFileSync(settings, siteYml().replace('title: آزمایش', 'title: بایگان تازه'));
    expect((await s.update([{ kind: 'change', path: settings }])).scope).toBe('settings');
    expect(s.problems).toEqual([]);
    expect(await text(s, 'index.html')).toContain('بایگان تازه');
  });
});
