import type { Severity } from './diagnostic.ts';

/** One rule: a permanent id (never renamed: CI scripts and editors match on it), its default severity and what it catches. */
export interface Rule {
  severity: Severity;
  /** What the rule catches, in a few words. */
  title: string;
  /** A small case that triggers it (the README table shows the same). */
  example: string;
}

/**
 * Every rule bayegan can report. `report()` refuses an id that is not here, and a test checks
 * that the README's diagnostics table lists exactly these ids.
 */
export const RULES = {
  'site-settings': { severity: 'error', title: 'content/site.yml is not valid', example: '`baseUrl: example.org` (not an absolute URL); two services with one slug' },
  'yaml-syntax': { severity: 'error', title: 'front matter is not valid YAML', example: '`title: "unclosed`, `tags: [a, b`, `title: a: b`, a key written twice' },
  'file-unreadable': { severity: 'error', title: 'a source bayegan cannot or will not read', example: 'an article or folder without read permission; `x.md` that is a symbolic link or a FIFO' },
  encoding: { severity: 'error', title: 'the file is not UTF-8', example: 'a Windows-1256 file: ``Unexpected byte `0xe1` at offset 12``' },
  'empty-file': { severity: 'error', title: 'the file is empty', example: 'a file of zero bytes or only blank lines' },
  'front-matter-missing': { severity: 'error', title: 'no front matter', example: 'the file does not start with a `---` line' },
  'front-matter-unclosed': { severity: 'error', title: 'front matter never closed', example: 'no `---` line after the front matter (a `--` or `----` line is pointed at)' },
  'file-too-large': { severity: 'error', title: 'the file is too large', example: 'an article file larger than 1 MiB (1,048,576 bytes)' },
  'required-key': { severity: 'error', title: 'a required key is missing', example: 'no `service:` line (reported at the closing `---`), or `title:` with no value' },
  'key-type': { severity: 'error', title: 'a value of the wrong type', example: '`tags: انرژی` (a list is expected), `title: [a, b]`, `draft: maybe`' },
  'unknown-key': { severity: 'warning', title: 'a key bayegan does not know', example: '`serivce:` (did you mean `service`?); an error when it stands for a missing required key' },
  'leading-zero': { severity: 'error', title: 'a number with a leading zero', example: '`shenaseh: 0123` (YAML 1.1 tools read it as octal 83)' },
  'shenaseh-format': { severity: 'error', title: 'the shenaseh is not a positive whole number', example: '`shenaseh: 12a`, `shenaseh: -5`, `shenaseh: 0`' },
  'date-format': { severity: 'error', title: 'not a Jalali date', example: '`date: tomorrow`, `date: ۶ فلان ۱۳۹۳`, `date: 93/9/6` (the accepted forms are listed)' },
  'date-invalid': { severity: 'error', title: 'a date that does not exist', example: '`date: 1393-12-30` (Esfand 1393 has 29 days), `1393-13-01`, `1393-09-06 25:00`' },
  'date-gregorian': { severity: 'error', title: 'a Gregorian date', example: '`date: 2014-11-27` (did you mean `1393-09-06`?)' },
  'updated-before-date': { severity: 'error', title: '`updated` before `date`', example: '`date: 1393-09-06` with `updated: 1393-09-01`' },
  'date-future': { severity: 'warning', title: 'a date in the future', example: '`date` or `updated` after today in the site’s time zone' },
  'unknown-service': { severity: 'error', title: 'a service not in site.yml', example: '`service: ورزش` (the known ones are listed, the nearest suggested)' },
  'duplicate-shenaseh': { severity: 'error', title: 'two files with one shenaseh', example: 'two files with `shenaseh: 21007` (both places are shown)' },
  'tag-too-long': { severity: 'error', title: 'a tag too long to name its page', example: 'a pasted sentence of more than about 100 Persian letters as a tag' },
  'tag-spelling': { severity: 'warning', title: 'a tag spelled more than one way', example: '`انرژي` in one article, `انرژی` in five (each spelling and its count are named)' },
  'alias-format': { severity: 'error', title: 'an alias that is not a safe site path', example: '`aliases: [old/1.html]`, `[/a/../b.html]`, `[/%2e%2e/x.html]`, `[/old/100%.html]`, `[/.htaccess]`, `[https://x.org/a]`' },
  'alias-collision': { severity: 'error', title: 'an alias used twice, or on a generated page', example: 'one alias in two files; `aliases: [/news/21007/]`, `[/tags/index.html]`, `[/index.html]`, `[/feed.xml]`' },
  'output-collision': { severity: 'error', title: 'two things written to one output file', example: '`/old/a` in one file and `/old/a/` in another (both are `old/a/index.html`)' },
  'broken-link': { severity: 'error', title: 'a link to a page the site does not have', example: '`[…](/news/99999/)`, `[…](/tag/نیست/)`, `[…](21007.md)` (link to `/news/21007/`)' },
  'control-character': { severity: 'warning', title: 'a character no page or feed may carry', example: 'U+0001–U+001F (not tab or line end), U+007F–U+009F, U+FFFE, `"\\uD800"` in a title or body; removed from the site' },
  'image-path': { severity: 'error', title: 'an image outside the article’s folder or the project', example: '`![…](../x.png)`, `![…](%2e%2e/x.png)`, `image: /x.png`, a symbolic link to a file outside the project' },
  'markdown-too-slow': { severity: 'error', title: 'a body that takes too long to read', example: '40,000 `*a` or `[a](` in a row, a table of 100,000 rows (budget: `BAYEGAN_PARSE_BUDGET`, 5 s)' },
  'markdown-unreadable': { severity: 'error', title: 'a body nested too deeply to read', example: 'quotes, lists, emphasis and raw HTML elements nested more than 200 levels deep' },
  'image-format': { severity: 'error', title: 'a file that is not a publishable image', example: '`![x](page.html)`, `image: logo.svg`, a text file named `x.png`, a FIFO or folder' },
  'static-file': { severity: 'error', title: 'a file of static/ that cannot be published', example: '`static/tags/index.html` (bayegan writes `/tags/`), `static/assets/x.css`, a link out of the project, a FIFO' },
  'missing-image': { severity: 'error', title: 'an image file that does not exist', example: '`![…](map.png)` with no `map.png` next to the article' },
  'template-error': { severity: 'error', title: 'a Liquid template that does not parse or render', example: '`{% iff x %}`, `{{ a | no_such_filter }}`, an unclosed `{% if %}`, `{% render \'missing\' %}`' },
} as const satisfies Record<string, Rule>;

/** A rule id bayegan can report. */
export type RuleId = keyof typeof RULES;

/** True when `id` is a registered rule. */
export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULES, id);
}

/**
 * Tools beside the pipeline (design.md: `bayegan import`) report under their own prefix and
 * document their rules with the tool, not in this registry.
 */
export const TOOL_RULE_PREFIXES = ['import-'] as const;

/** True when `report()` accepts `id`: a registered rule, or one in a tool's own namespace. */
export function isReportableRule(id: string): boolean {
  return isRuleId(id) || TOOL_RULE_PREFIXES.some((prefix) => id.startsWith(prefix));
}
