import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuiltSite } from '../helpers/site.ts';

const root = path.resolve(import.meta.dirname, '../..');

describe('the sample archive’s HTML', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-valid-'));
    site = await build(root, { out: path.join(scratch, 'dist'), cache: path.join(scratch, 'cache') });
  });

  it('is valid HTML on every page: no obsolete attribute (table `align`), no broken nesting, no duplicate id', async () => {
    // `standard`: conformance to the HTML standard only, as the W3C validator checks it.
    const validator = new HtmlValidate({ extends: ['html-validate:standard'] });
    const pages = readdirSync(site.dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(150);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(site.read(file), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
