import { siteYml } from './site.ts';

/** An article of the small dev test site: service `سیاسی`, tag `انرژی`, dated month `id` of 1399. */
export function article(id: number, title: string, extra = '', body = `متن خبر ${id}.`): string {
  return `---\ntitle: ${title}\nshenaseh: ${id}\ndate: 1399-0${id}-01\nservice: سیاسی\ntags: [انرژی]\n${extra}---\n\n${body}\n`;
}

/** Two published articles and a draft (`content/news/3.md`), for `writeSite`. */
export const draftSite = `-- content/site.yml --
${siteYml()}
-- content/news/1.md --
${article(1, 'خبر یکم')}
-- content/news/2.md --
${article(2, 'خبر دوم')}
-- content/news/3.md --
${article(3, 'خبر سوم', 'draft: true\n')}
`;
