import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { build, siteYml, writeSite } from '../helpers/site.ts';
import { PNG } from '../helpers/images.ts';

const article = (id: number, date: string, extra = '', service = 'سیاسی') =>
  `-- content/news/${id}.md --\n---\ntitle: خبر ${id}\nshenaseh: ${id}\ndate: ${date}\nservice: ${service}\n${extra}---\nمتن خبر ${id}.\n`;

// Every kind of output: pages of each index (paginated), feeds, sitemaps, theme assets, an image, a redirect.
const site = `-- content/site.yml --
${siteYml('pageSize: 1\narchivePageSize: 1\n')}
${article(1, '1399-12-25', 'tags: [انرژی, تهران]\nimage: map.png\naliases: [/old/1.html]\n')}${article(2, '1400-01-02', 'tags: [انرژی]\n', 'بین‌الملل')}${article(3, '1400-01-03', 'tags: [انرژی, تهران]\n')}${article(4, '1400-02-03', 'tags: [تهران]\n')}`;

// A path as an alias writes it: each segment percent-encoded, so that the file it lands on is exactly `file`.
const aliasOf = (file: string) => `/${file.split('/').map(encodeURIComponent).join('/')}`;

describe('the aliases rule knows every file the build writes', () => {
  it('refuses an alias on any file of a built site, whatever wrote it', { timeout: 120_000 }, async () => {
    const root = writeSite(site);
    writeFileSync(path.join(root, 'content/news/map.png'), PNG);
    const built = await build(root);
    const files = readdirSync(built.dist, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(built.dist, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
      .sort();
    expect(files.length).toBeGreaterThan(30);
    // `/_redirects` is refused by its name (alias-format), which would keep the article from being
    // published and its other aliases from being weighed against the outputs.
    expect(files).toContain('_redirects');
    const claimed = files.filter((file) => file !== '_redirects');
    // One more article claims each of those files as an old URL; each claim must be refused at its line.
    const list = claimed.map((file) => `  - "${aliasOf(file)}"`).join('\n');
    appendFileSync(path.join(root, 'content/news/9.md'), `---\ntitle: نه\nshenaseh: 9\ndate: 1390-01-01\nservice: سیاسی\naliases:\n${list}\n---\nمتن.\n`);
    const { out } = await run(['check', '--root', root, '--format', 'json']);
    const refused = new Set(
      out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { file: string; line: number; severity: string })
        .filter((d) => d.file === 'content/news/9.md' && d.severity === 'error')
        .map((d) => d.line),
    );
    const unrefused = claimed.filter((_, i) => !refused.has(7 + i));
    expect(unrefused).toEqual([]);
  });
});
