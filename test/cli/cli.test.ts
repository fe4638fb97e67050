import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/help.ts';
import { run } from '../helpers/cli.ts';
import { siteYml, writeSite } from '../helpers/site.ts';

const broken = `-- content/site.yml --
${siteYml()}
-- content/news/1.md --
---
title: یک
shenaseh: 1
date: 1393-12-30
service: سیاسی
---
متن.
-- content/news/2.md --
---
title: [دو
---
متن.
`;

const valid = broken.replace('1393-12-30', '1399-12-30').split('-- content/news/2.md --')[0]!;

describe('bayegan CLI', () => {
  it('reports every content error as path:line:col with a rule id, writes nothing and exits 1', async () => {
    const root = writeSite(broken);
    const { code, err } = await run(['build', '--root', root]);
    expect(code).toBe(1);
    expect(err).toContain('content/news/1.md:4:7: error: Unexpected day `30`, expected 1–29: Esfand 1393 has 29 days [date-invalid]');
    expect(err).toContain('content/news/2.md:2:8: error: Unexpected end of a `[` list, expected a closing `]` [yaml-syntax]');
    expect(err).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });

  it('builds a valid site, says so in the singular, and exits 0', async () => {
    const root = writeSite(valid);
    const { code, out } = await run(['build', '--root', root]);
    expect(code).toBe(0);
    expect(out.startsWith(`Built 1 article into ${root}/dist/ in `)).toBe(true);
    expect(out).toMatch(/^ {2}articles +1 {3}1 of 1 source parsed$/m);
    expect(out).not.toContain('from the cache');
    expect(existsSync(path.join(root, 'dist/news/1/index.html'))).toBe(true);
  });

  it('prints what it repaired in a damaged cache', async () => {
    const root = writeSite(broken.replace('1393-12-30', '1399-12-30').split('-- content/news/2.md --')[0]!);
    expect((await run(['build', '--root', root])).code).toBe(0);
    const htmlRoot = path.join(root, '.cache/html');
    for (const body of readdirSync(htmlRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      writeFileSync(path.join(body.parentPath, body.name), 'damaged');
    }
    for (const shard of readdirSync(path.join(root, '.cache/sources')).filter((n) => n.endsWith('.meta.ndjson'))) {
      writeFileSync(path.join(root, '.cache/sources', shard), 'garbage\n');
    }
    writeFileSync(path.join(root, 'content/site.yml'), readFileSync(path.join(root, 'content/site.yml'), 'utf8').replace('آزمایش', 'آزمون'));
    const { code, err } = await run(['build', '--root', root]);
    expect(code).toBe(0);
    expect(err).toMatch(/^warning: 1 damaged entry in the cache \(\.cache\/sources\/\) ignored and rebuilt\.$/m);
  });

  it('names the output folder it wrote, says what came from the cache, and ends with the summary table', async () => {
    const root = writeSite(valid);
    const out = mkdtempSync(path.join(tmpdir(), 'bayegan-out-'));
    const first = await run(['build', '--root', root, '--out', out]);
    expect(first.out).toContain(`Built 1 article into ${out}/ in `);
    for (const row of ['services', 'tags', 'files', 'pages', 'feeds', 'sitemap files', 'redirects', 'assets', 'time', 'parse Markdown', 'render pages']) {
      expect(first.out).toMatch(new RegExp(`^ +${row} +\\S`, 'm'));
    }
    // Without a terminal, one line per phase on stderr.
    expect(first.err).toMatch(/^ {2}parse Markdown \(1 file\) in [\d.]+ s$/m);
    const second = await run(['build', '--root', root, '--out', out, '--verbose']);
    expect(second.out).toMatch(/0 of 1 source parsed: all from the cache/);
    expect(second.out).toMatch(/^ {2}files +(\d+) {3}0 written, 0 rendered but unchanged, \1 up to date, 0 removed$/m);
  });

  it('lists every file written and removed with --verbose', async () => {
    const root = writeSite(valid);
    const { out } = await run(['build', '--root', root, '--verbose']);
    expect(out).toMatch(/^written {2}news\/1\/index\.html$/m);
    writeSite(valid.replace('shenaseh: 1', 'shenaseh: 7'), root);
    const again = await run(['build', '--root', root, '--verbose']);
    expect(again.out).toMatch(/^written {2}news\/7\/index\.html$/m);
    expect(again.out).toMatch(/^removed {2}news\/1\/index\.html$/m);
  });

  it('keeps stdout JSON lines only with --format json: diagnostics, then the summary object', async () => {
    const root = writeSite(`${valid}-- content/news/3.md --
---
title: سه
shenaseh: 3
date: 1399-12-30
service: سیاسی
serivce: سیاسی
---
متن.
`);
    const { code, out, err } = await run(['build', '--root', root, '--format', 'json', '--verbose']);
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ file: 'content/news/3.md', ruleId: 'unknown-key', severity: 'warning' });
    const summary = lines.at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', articles: 2, sources: 2, parsed: 2, upToDate: false, services: 2 });
    expect(summary.files).toMatchObject({ written: (summary.files as { total: number }).total, removed: 0 });
    expect(summary.written).toContain('news/3/index.html');
    expect((summary.phases as Array<{ phase: string }>).map((p) => p.phase)).toContain('compile');
    expect(err).toContain('parse Markdown');
  });

  it('prints its version', async () => {
    const { code, out } = await run(['--version']);
    expect(code).toBe(0);
    expect(out).toMatch(/^bayegan \d+\.\d+\.\d+ pipeline \d+\n$/);
  });

  for (const name of Object.keys(COMMANDS)) {
    it(`shows the options and an example of \`${name} --help\``, async () => {
      const { code, out } = await run([name, '--help']);
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: bayegan ${name}\\b`));
      for (const option of COMMANDS[name]!.options) expect(out).toContain(option.flag);
      expect(out).toMatch(new RegExp(`Examples?:\\n {2}bayegan ${name}\\b`));
      expect((await run(['help', name])).out).toBe(out);
    });
  }

  it('lists every command in the main help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(out).toMatch(new RegExp(`^ {2}bayegan ${name}\\b`, 'm'));
  });

  it('suggests the command and the option that were meant', async () => {
    const command = await run(['biuld']);
    expect(command.code).toBe(2);
    expect(command.err).toContain('Unexpected command `biuld`, expected one of `build`, `check`, `dev`, `new`, `init`, `import`: did you mean `build`?');
    const option = await run(['build', '--fromat', 'json']);
    expect(option.code).toBe(2);
    expect(option.err).toContain('Unexpected option `--fromat` for `build`: did you mean `--format`?');
    expect(option.err).toContain('Run `bayegan build --help` for usage.');
    expect((await run(['publish'])).err).not.toContain('did you mean');
  });

  it('exits 2 on a usage error', async () => {
    expect((await run(['publish'])).code).toBe(2);
    expect((await run(['check', '--format', 'xml'])).code).toBe(2);
    expect((await run(['dev', '--port', 'abc'])).code).toBe(2);
  });
});
