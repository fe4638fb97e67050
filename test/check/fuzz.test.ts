import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRuleId, type Diagnostic } from '../../src/diagnostics/index.ts';
import { decodeUtf8, findFences } from '../../src/parse/index.ts';
import { run } from '../helpers/cli.ts';
import { siteYml } from '../helpers/site.ts';

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
