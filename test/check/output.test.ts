import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.ts';
import { run } from '../helpers/cli.ts';
import { siteYml, writeSite } from '../helpers/site.ts';
import { article } from './archive-with-mistakes.ts';

const site = `-- content/site.yml --
${siteYml()}
-- content/news/1.md --
${article('1', '', 'متن.', '1393-12-30')}
-- content/news/2.md --
${article('2', 'serivce: سیاسی', 'متن.', '1393-09-06')}
`;

describe('check output', () => {
  it('groups text by file, with the rule id on every line, plain when not on a terminal', async () => {
    const { code, err, out } = await run(['check', '--root', writeSite(site)]);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).not.toContain('\u001b[');
    expect(err.replace(/ in [\d.]+ s:/, ':')).toBe(`content/news/1.md:4:7: error: Unexpected day \`30\`, expected 1–29: Esfand 1393 has 29 days [date-invalid]
  fix: Check the day, month and time against the Jalali calendar: months 1–6 have 31 days, 7–11 have 30, Esfand 29 (30 in a leap year).

content/news/2.md:6:1: warning: Unexpected key \`serivce\`, expected \`service\` [unknown-key]
  fix: Did you mean \`service\`? Unknown keys are ignored.
2 files checked: 1 error, 1 warning
`);
  });

  it('is coloured on a terminal, unless NO_COLOR is set', async () => {
    let err = '';
    const tty = { write: (s: string) => ((err += s), true), isTTY: true } as unknown as Io['err'];
    const root = writeSite(site);
    const noColor = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      await main(['check', '--root', root], { out: tty, err: tty });
      expect(err).toContain('\u001b[31merror\u001b[0m');
      expect(err).toContain('\u001b[33mwarning\u001b[0m');
    } finally {
      if (noColor !== undefined) process.env.NO_COLOR = noColor;
    }
  });

  it('prints one JSON object per diagnostic on stdout', async () => {
    const { out } = await run(['check', '--root', writeSite(site), '--format', 'json']);
    expect(out.trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ file: 'content/news/1.md', line: 4, column: 7, ruleId: 'date-invalid', severity: 'error' }),
      expect.objectContaining({ file: 'content/news/2.md', line: 6, column: 1, ruleId: 'unknown-key', severity: 'warning' }),
    ]);
  });

  it('exits 0 with warnings only, 2 on a usage error', async () => {
    const root = writeSite(site.replace('1393-12-30', '1399-12-30'));
    expect((await run(['check', '--root', root])).code).toBe(0);
    expect((await run(['check', '--root', `${root}/missing`])).code).toBe(2);
    expect((await run(['check', '--root', root, '--fixx'])).code).toBe(2);
  });

  it('reports invalid site settings like any other diagnostic, exit 1', async () => {
    const { code, err } = await run(['check', '--root', writeSite(site.replace('baseUrl: https://test.example/', 'baseUrl: test'))]);
    expect(code).toBe(1);
    expect(err).toMatch(/^content\/site\.yml:3:10: error: Unexpected value for `baseUrl`: .* \[site-settings\]\n/);
    expect(err).not.toContain('Nothing was written');
  });
});
