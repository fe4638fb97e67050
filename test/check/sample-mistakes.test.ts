import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.ts';
import { run } from '../helpers/cli.ts';

const repository = path.resolve(import.meta.dirname, '../..');

/** A mistake slipped into one article of the sample archive, and how `check` must report it. */
interface Mistake {
  id: number;
  change: (text: string) => string | Buffer;
  /** `line:column rule-id`; the line may be `key` (the key `addKey` added), `close` (the closing `---`) or `end` (the last line). */
  expected: string;
}

const replace = (from: string | RegExp, to: string) => (text: string) => {
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`no ${String(from)} to replace`);
  return changed;
};
const addKey = (line: string) => replace(/\n---\n/, `\n${line}\n---\n`);
const addToBody = (line: string) => (text: string) => `${text.trimEnd()}\n\n${line}\n`;

// Like an editor's worst day: one mistake of every kind, each in its own article of the real archive.
const mistakes: Mistake[] = [
  { id: 21007, change: replace(/^title: /m, 'title: "'), expected: '2:8 yaml-syntax' },
  { id: 21010, change: replace('shenaseh: 21010', 'shenaseh: 21009'), expected: '3:11 duplicate-shenaseh' },
  { id: 21013, change: replace('service: بین الملل', 'service: بین‌المللی‌ها'), expected: '5:10 unknown-service' },
  { id: 22004, change: replace('date: ۶ آذر ۱۳۹۴', 'date: ۳۰ اسفند ۱۳۹۴'), expected: '4:7 date-invalid' },
  { id: 22005, change: replace('date: 1394-12-20', 'date: 2016-03-10'), expected: '4:7 date-gregorian' },
  { id: 22008, change: replace(/^title: .*\n/m, ''), expected: 'close:1 required-key' },
  { id: 22015, change: addKey('autor: سارا'), expected: 'key:1 unknown-key' },
  { id: 21012, change: replace('shenaseh: 21012', 'shenaseh: 021012'), expected: '3:11 leading-zero' },
  { id: 21020, change: replace('shenaseh: 21020', 'shenaseh: 21020a'), expected: '3:11 shenaseh-format' },
  { id: 21022, change: addKey('updated: 1399-01-01'), expected: 'key:10 updated-before-date' },
  { id: 21024, change: replace('date: 1400-05-09', 'date: 1410-05-09'), expected: '4:7 date-future' },
  { id: 21025, change: replace(/^tags: \[/m, 'tags: [فناوري, '), expected: '6:8 tag-spelling' },
  { id: 21028, change: addToBody('[پیوند](/news/99999/)'), expected: 'end:1 broken-link' },
  { id: 21029, change: addKey('aliases: [/archive/old/22005]'), expected: 'key:11 alias-collision' },
  { id: 21030, change: addKey('aliases: [old/x.html]'), expected: 'key:11 alias-format' },
  { id: 22021, change: addKey('aliases: [/news/22024/]'), expected: 'key:11 alias-collision' },
  { id: 22024, change: addToBody('![تصویر](../x.png)'), expected: 'end:1 image-path' },
  { id: 22029, change: () => '', expected: '1:1 empty-file' },
  { id: 22031, change: (text) => Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.of(0xe1), Buffer.from(text.slice(20))]), expected: '2:17 encoding' },
  { id: 22033, change: replace(/^---\n/, ''), expected: '1:1 front-matter-missing' },
  { id: 22040, change: replace(/\n---\n/, '\n\n'), expected: '1:1 front-matter-unclosed' },
  { id: 22045, change: replace(/^tags: \[(.*?),.*\]$/m, 'tags: $1'), expected: '6:7 key-type' },
  { id: 22053, change: addKey('aliases: [/old/a]'), expected: '' },
  { id: 22061, change: addKey('aliases: [/old/a/]'), expected: 'key:11 output-collision' },
  { id: 21002, change: addToBody('[منبع](../05/21004.md)'), expected: 'end:1 broken-link' },
  { id: 21004, change: replace('date: 1393-05-22', 'date: تاریخ نامعلوم'), expected: '4:7 date-format' },
  { id: 21005, change: (text) => text + 'ا'.repeat(600_000), expected: '1:1 file-too-large' },
  { id: 21016, change: (text) => text, expected: '8:8 missing-image' },
];

function find(root: string, id: number): string {
  const found = readdirSync(path.join(root, 'content'), { recursive: true, encoding: 'utf8' }).find((f) => f.endsWith(`/${id}.md`));
  return path.join(root, 'content', found!);
}

describe('the sample archive with a mistake of every kind slipped in', () => {
  it('reports each mistake once, at its line, with its rule id', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-sample-mistakes-'));
    cpSync(path.join(repository, 'content'), path.join(root, 'content'), { recursive: true });
    rmSync(path.join(root, 'content/news/1396/09/21016-map.png'));
    const expected: string[] = [];
    for (const { id, change, expected: where } of mistakes) {
      const file = find(root, id);
      const changed = change(readFileSync(file, 'utf8'));
      writeFileSync(file, changed);
      const lines = String(changed).split('\n');
      const close = lines.indexOf('---', 1) + 1;
      const line = { key: close - 1, close, end: lines.length - 1 };
      if (where) expected.push(`${path.relative(root, file)}:${where.replace(/^(key|close|end):/, (_, name: keyof typeof line) => `${line[name]}:`)}`);
    }
    const { code, out } = await run(['check', '--root', root, '--format', 'json']);
    const found = out.trim().split('\n').map((line) => JSON.parse(line) as Diagnostic);
    const sampleWarnings = ['content/news/1396/02/22015.md:6:8 tag-spelling', 'content/news/1398/07/21021.md:6:8 tag-spelling', 'content/news/1403/11/22068.md:6:19 tag-spelling'];
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual([...expected, ...sampleWarnings].sort());
    expect(code).toBe(1);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });
});
