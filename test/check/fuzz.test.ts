import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRuleId, type Diagnostic } from '../../src/diagnostics/index.ts';
import { decodeUtf8, findFences } from '../../src/parse/index.ts';
import { run } from '../helpers/cli.ts';
import { changedOutside, makeSandbox, SECRET, treeDigest, type Sandbox } from '../helpers/sandbox.ts';
import { siteYml } from '../helpers/site.ts';
import { PNG } from '../helpers/images.ts';

// Front-matter lines editors (and editors' tools) really produce, good and bad, and YAML's odd corners.
const yamlLines = [
  'title: خبر', 'title: "unclosed', "title: 'it''s'", "title: 'it's'", 'title: [a, b', 'title: {a: b}', 'title:', 'title: ~',
  'title: a: b', 'title: &a x', 'lead: *a', 'lead: *missing', 'lead: |\n  دو\n  سطر', 'tags: {a: b}', 'tags: [انرژي, انرژی, ""]',
  'tags:\n  - a\n  - [b]', 'tags: انرژی', 'shenaseh: 0123', 'shenaseh: ۲۱۰۰۷', 'shenaseh: -1', 'shenaseh: 1e3', 'shenaseh: 1',
  'shenaseh: 99999999999999999999', 'date: 1393-12-30', 'date: 2014-11-27T10:00:00Z', 'date: ۶ آذر ۱۳۹۳ ساعت ۲۵:۰۰', 'date: ',
  'date: 1393-09-06', 'date: 27/11/2014', 'updated: 1300-01-01', 'service: بين الملل', 'service: [x]', 'service: سیاسی',
  'aliases: [/a, /a/, ../x, /news/1/, "/x y", /tags/]', 'aliases: /x', 'draft: true', 'draft: maybe', 'image: ../x.png',
  'image: https://x/y.png', 'image: /abs.png', '__proto__: x', 'constructor: y', 'toString: z', 'title: a\ntitle: b',
  '? [a, b]\n: c', 'x: !!binary YWJj', '!!binary YWJj', '- a', '\ttitle: tab', 'key with no colon', '...', '%YAML 1.2',
  'a: &x [*x]', 'serivce: سیاسی', 'x: !custom y', `deep: ${'['.repeat(300)}`, 'l: &l [a,a,a,a,a,a,a,a,a,a]\nm: &m [*l,*l,*l,*l,*l,*l,*l,*l,*l,*l]\nn: [*m,*m,*m,*m,*m,*m,*m,*m,*m,*m,*m,*m]',
];
const bodyParts = [
  'متن خبر.', '[a](/news/1/)', '[b](1.md)', '[c](../2.md)', '![i](x.png)', '![j](../x.png)', '<a href="/tag/x/">x</a>', '<img src="/y.png">',
  '---', '> > > x', '[x]: /news/2/', '![r][x]', '`code`', '\u0000', 'كي', '[bad](%E0%A4%A)', '<a href=http://[>', '#'.repeat(10),
  '*'.repeat(200), '\n\n- a\n  - b\n    - c', '| a | b |\n|---|---|\n| 1 | 2 |', '[^1]\n\n[^1]: x',
];

const line = fc.oneof({ arbitrary: fc.constantFrom(...yamlLines), weight: 6 }, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
// A valid front matter with a few mutations, so that most runs get past YAML into every rule.
const frontMatter = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.array(fc.record({ op: fc.constantFrom('insert', 'replace', 'delete'), at: fc.nat(6), line }), { maxLength: 4 }))
  .map(([id, mutations]) => {
    const lines = ['title: خبر', `shenaseh: ${id}`, 'date: 1393-09-06', 'service: سیاسی', 'tags: [انرژی]'];
    for (const { op, at, line: text } of mutations) lines.splice(at % (lines.length + 1), op === 'insert' ? 0 : 1, ...(op === 'delete' ? [] : [text]));
    return lines.join('\n');
  });
const body = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...bodyParts), weight: 3 }, fc.string({ maxLength: 30 })), { maxLength: 6 }).map((p) => p.join('\n'));
const fence = fc.oneof({ arbitrary: fc.constant('---'), weight: 12 }, fc.constantFrom('--- ', '----', '', '--', '—'));

// One file's bytes: mangled fences, a BOM, CRLF, and bytes that are not UTF-8.
const source = fc
  .record({ open: fence, close: fence, frontMatter, body, bom: fc.boolean(), crlf: fc.boolean(), bad: fc.option(fc.uint8Array({ minLength: 1, maxLength: 4 }), { freq: 8 }) })
  .map(({ open, close, frontMatter: fm, body: b, bom, crlf, bad }) => {
    let written = `${open}\n${fm}\n${close}\n${b}\n`;
    if (crlf) written = written.replace(/\n/g, '\r\n');
    const bytes = Buffer.from((bom ? '\uFEFF' : '') + written);
    return bad ? Buffer.concat([bytes.subarray(0, bytes.length >> 1), bad, bytes.subarray(bytes.length >> 1)]) : bytes;
  });

function writeArchive(files: Buffer[]): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bayegan-fuzz-'));
  mkdirSync(path.join(root, 'content/news'), { recursive: true });
  writeFileSync(path.join(root, 'content/site.yml'), siteYml());
  files.forEach((bytes, i) => writeFileSync(path.join(root, `content/news/${i + 1}.md`), bytes));
  return root;
}

describe('check on mangled input', () => {
  it('always ends with diagnostics or success, never an uncaught exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(source, { minLength: 1, maxLength: 3 }), fc.boolean(), async (files, fix) => {
        const root = writeArchive(files);
        try {
          const { code, out, err } = await run(['check', '--root', root, '--format', 'json', ...(fix ? ['--fix'] : [])]);
          expect(err).not.toMatch(/internal error|\n\s+at /);
          expect([0, 1]).toContain(code);
          const found = out.trim() === '' ? [] : out.trim().split('\n').map((line) => JSON.parse(line) as Diagnostic);
          for (const d of found) {
            expect(isRuleId(d.ruleId), d.ruleId).toBe(true);
            expect(d.line).toBeGreaterThanOrEqual(1);
            expect(d.column).toBeGreaterThanOrEqual(1);
          }
          expect(code).toBe(found.some((d) => d.severity === 'error') ? 1 : 0);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.BAYEGAN_FUZZ_RUNS ?? 200) },
    );
  });

  it('--fix never touches a body, nor the bytes before the front matter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(source, { minLength: 1, maxLength: 3 }), async (files) => {
        const root = writeArchive(files);
        try {
          await run(['check', '--root', root, '--fix']);
          files.forEach((bytes, i) => {
            const fixed = readFileSync(path.join(root, `content/news/${i + 1}.md`));
            const text = decodeUtf8(bytes);
            const fences = text === undefined ? undefined : findFences(text);
            if (!text || fences?.kind !== 'closed') return void expect(fixed).toEqual(bytes);
            const after = decodeUtf8(fixed)!;
            expect(after.slice(0, 3)).toBe(text.slice(0, 3));
            expect(after.slice(after.length - (text.length - fences.bodyOffset))).toBe(text.slice(fences.bodyOffset));
          });
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.BAYEGAN_FUZZ_RUNS ?? 100) },
    );
  });
});

// Path pieces that have escaped an output folder or crashed a build somewhere, and pieces of bayegan's own URLs.
const segments = [
  '..', '.', '', '%2e%2e', '%2E%2e', '.%2e', '..%2f', '%2f..', '%2F', '\\', '..\\..', '%5c', '%5C..', '%00', '%0a', '%1b', '%',
  '%zz', '%E0%A4', '%C0%AE', '%252e%252e', '%25', 'index.html', 'page', '2', 'tags', 'tag', 'انرژی', 'service', 'politics',
  'archive', '1400', '01', 'news', '1', 'x.png', 'feed.xml', 'atom.xml', 'sitemap.xml', 'sitemaps', 'assets', '404.html',
  '_redirects', '_headers', '.htaccess', '.git', 'x.html', 'ا'.repeat(130), 'a b', '?', '#',
];
const hostileAlias = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...segments), weight: 4 }, fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 5 })
  .chain((parts) => fc.constantFrom(`/${parts.join('/')}`, `/${parts.join('/')}/`, parts.join('/')));
// Most aliases are odd but valid, so that many runs get to write a site; some are hostile.
const oddSegment = fc.constantFrom('old', 'x.html', 'a%20b', '100%25.html', '%252e%252e', 'نشانی', 'page', '2', 'tag', 'انرژی', 'feed.xml', 'x.png', 'index.html');
const alias = fc.oneof(
  { arbitrary: fc.array(oddSegment, { minLength: 1, maxLength: 3 }).map((parts) => `/old/${parts.join('/')}`), weight: 3 },
  { arbitrary: fc.array(oddSegment, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`), weight: 1 },
  { arbitrary: hostileAlias, weight: 1 },
);
// Files beside the article that `writeHostile` below makes: images, a link out, a FIFO, an HTML page, an SVG named .png, a folder.
const imageRef = fc.oneof(
  { arbitrary: fc.constantFrom('x.png', 'sub/x.png', './x.png', 'X.PNG', 'x.png?v=1', '/news/1/x.png', 'https://example.org/x.png', '%78.png'), weight: 6 },
  { arbitrary: fc.constantFrom('link.png', 'pipe.png', 'page.html', 'svg.png', 'folder.png', '//evil.example/x.png', '../x.png'), weight: 2 },
  { arbitrary: hostileAlias.map((a) => a.replace(/^\//, '')), weight: 1 },
  fc.string({ maxLength: 12 }),
);
const tag = fc.oneof(
  { arbitrary: fc.constantFrom('انرژی', 'انرژي', '<b>x</b>', '..', '../..', '/', '%2e', '', ' ', 'tag', 'Tag', 'ب'.repeat(99), 'ب'.repeat(300)), weight: 3 },
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 140 }),
);

function writeHostile(box: Sandbox, articles: Array<{ aliases: string[]; images: string[]; tags: string[] }>): void {
  const news = path.join(box.root, 'content/news');
  mkdirSync(path.join(news, 'sub'), { recursive: true });
  mkdirSync(path.join(news, 'folder.png'));
  writeFileSync(path.join(box.root, 'content/site.yml'), siteYml());
  writeFileSync(path.join(news, 'x.png'), PNG);
  writeFileSync(path.join(news, 'sub/x.png'), PNG);
  writeFileSync(path.join(news, 'page.html'), '<script>alert(1)</script>');
  writeFileSync(path.join(news, 'svg.png'), '<svg onload="alert(1)"/>');
  symlinkSync(box.secret, path.join(news, 'link.png'));
  execFileSync('mkfifo', [path.join(news, 'pipe.png')]);
  articles.forEach(({ aliases, images, tags }, i) => {
    const yaml = (items: string[]) => `[${items.map((item) => JSON.stringify(item)).join(', ')}]`;
    const [lead, ...body] = images;
    const front = `title: خبر\nshenaseh: ${i + 1}\ndate: 1400-01-0${i + 1}\nservice: سیاسی\ntags: ${yaml(tags)}\naliases: ${yaml(aliases)}\n${lead === undefined ? '' : `image: ${JSON.stringify(lead)}\n`}`;
    const text = body.map((url, k) => (k % 2 === 0 ? `![تصویر](<${url.replace(/[<>\n]/g, '')}>)` : `<img src="${url.replace(/["\n]/g, '')}">`)).join('\n\n');
    writeFileSync(path.join(news, `${i + 1}.md`), `---\n${front}---\nمتن.\n\n${text}\n`);
  });
}

describe('check and build on hostile paths', () => {
  it('end in diagnostics or in a build that wrote only inside its output folder, never an internal error', { timeout: 600_000 }, async () => {
    const article = fc.record({ aliases: fc.array(alias, { maxLength: 3 }), images: fc.array(imageRef, { maxLength: 3 }), tags: fc.array(tag, { maxLength: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 2 }), async (articles) => {
        const box = makeSandbox();
        writeHostile(box, articles);
        const before = treeDigest(box.parent);
        try {
          const check = await run(['check', '--root', box.root, '--format', 'json']);
          const build = await run(['build', '--root', box.root, '--format', 'json']);
          for (const result of [check, build]) {
            expect(result.err).not.toMatch(/internal error|\n\s+at /);
            // Every JSON line is a diagnostic with a known rule, but the build's closing summary.
            const lines = result.out.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Diagnostic & { type?: string });
            for (const line of lines.filter((l) => l.type !== 'summary')) expect(isRuleId(line.ruleId), line.ruleId).toBe(true);
          }
          expect([0, 1]).toContain(check.code);
          expect(build.code, `check said ${check.code}:\n${check.out}\nbuild said:\n${build.out}${build.err}`).toBe(check.code);
          expect(changedOutside(before, treeDigest(box.parent), ['site/.cache', 'site/dist'])).toEqual([]);
          const dist = path.join(box.root, 'dist');
          const written = existsSync(dist) ? readdirSync(dist, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : [];
          for (const entry of written) expect(readFileSync(path.join(entry.parentPath, entry.name), 'latin1')).not.toContain(SECRET.trim());
        } finally {
          rmSync(box.parent, { recursive: true, force: true });
        }
      }),
      { numRuns: Number(process.env.BAYEGAN_FUZZ_RUNS ?? 40) },
    );
  });
});
