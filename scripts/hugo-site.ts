/**
 * The same archive as a Hugo site, for the side-by-side benchmark (`npm run bench -- --ci`):
 * every article of a bayegan corpus with the front matter Hugo reads (title, ISO date with the
 * newsroom's offset, tags, its service as a taxonomy, the lead as summary), and a minimal theme
 * that builds what bayegan's does at its core: an RTL page per article (with previous/next, and
 * with `related`, five related articles by shared tags), the home page, a page per service and
 * per tag, all paginated by 10, the list of all tags, RSS for the site and for each service, and
 * a sitemap. Not built by Hugo: Jalali month archives, Atom, the news sitemap, redirect pages,
 * Persian typography.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { splitSource } from '../src/parse/index.ts';
import { normalizeIdentity, parseJalaliDate, toIsoDateTime } from '../src/persian/index.ts';

const THEME: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .Permalink }}">{{ end }}
</head>
<body>
{{ partialCached "header.html" . }}
<main id="main">{{ block "main" . }}{{ end }}</main>
{{ partialCached "footer.html" . }}
</body>
</html>
`,
  '_default/single.html': `{{ define "main" }}
<article>
  <p class="meta">{{ range .GetTerms "services" }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }} <time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">{{ .Date.Format "2006-01-02" }}</time></p>
  <h1>{{ .Title }}</h1>
  {{ with .Params.lead }}<p class="lead">{{ . }}</p>{{ end }}
  <div class="body">{{ .Content }}</div>
  <ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}" rel="tag">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>
<nav>{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>
{{ if site.Params.related }}<aside><ol>{{ range first 5 (.Site.RegularPages.Related .) }}<li>{{ partial "card.html" . }}</li>{{ end }}</ol></aside>{{ end }}
{{ end }}
`,
  '_default/list.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pages := cond .IsHome .Site.RegularPages .Pages }}
<ol>{{ range (.Paginate $pages).Pages }}<li>{{ partial "card.html" . }}</li>{{ end }}</ol>
{{ template "_internal/pagination.html" . }}
{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>
{{ end }}
`,
  'partials/card.html': `<article class="card"><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | plainify | truncate 240 }}</p></article>`,
  'partials/header.html': `<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a><nav><ul>{{ range .Site.Taxonomies.services.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a></li>{{ end }}</ul></nav></header>`,
  'partials/footer.html': `<footer><a href="{{ "/tags/" | relURL }}">برچسب‌ها</a> <a href="{{ "/index.xml" | relURL }}">RSS</a></footer>`,
};

const CONFIG = `baseURL = "https://bench.example/"
languageCode = "fa"
defaultContentLanguage = "fa"
title = "بایگان آزمون"
paginate = 10
rssLimit = 30
disableKinds = ["section"]
[taxonomies]
  tag = "tags"
  service = "services"
[outputs]
  home = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML"]
[related]
  threshold = 1
  includeNewer = true
  toLower = false
  [[related.indices]]
    name = "tags"
    weight = 100
`;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const abs = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(abs) : entry.name.endsWith('.md') ? [abs] : [];
  });
}

/**
 * Write the Hugo site of the bayegan project at `root` into `out`; returns how many articles it
 * has. `related` lists related articles on article pages (Hugo's related content by tags, which
 * with a few very common tags costs it more than everything else together).
 */
export function writeHugoSite(root: string, out: string, related = false): number {
  rmSync(out, { recursive: true, force: true });
  for (const [file, text] of Object.entries(THEME)) {
    mkdirSync(path.dirname(path.join(out, 'layouts', file)), { recursive: true });
    writeFileSync(path.join(out, 'layouts', file), text);
  }
  writeFileSync(path.join(out, 'hugo.toml'), `${CONFIG}[params]
  related = ${related}
`);
  const site = readFileSync(path.join(root, 'content/site.yml'), 'utf8');
  const services = new Map([...site.matchAll(/- slug: (\S+)\n\s+name: (.+)/g)].map((m) => [normalizeIdentity(m[2]!.trim()), { slug: m[1]!, name: m[2]!.trim() }]));
  mkdirSync(path.join(out, 'content/news'), { recursive: true });
  // Each service's page has a feed, as bayegan's does; tag pages have none.
  for (const { slug, name } of services.values()) {
    mkdirSync(path.join(out, 'content/services', slug), { recursive: true });
    writeFileSync(path.join(out, 'content/services', slug, '_index.md'), `---\n${stringify({ title: name, outputs: ['HTML', 'RSS'] })}---\n`);
  }
  let count = 0;
  for (const file of markdownFiles(path.join(root, 'content/news'))) {
    const split = splitSource(file, readFileSync(file));
    const data = split.frontMatter?.data as Record<string, string | string[]> | undefined;
    const date = data && parseJalaliDate(String(data.date));
    if (!data || !date?.ok) continue;
    const service = services.get(normalizeIdentity(String(data.service)))!;
    const front = {
      title: data.title,
      date: toIsoDateTime(date.value, 'Asia/Tehran'),
      url: `/news/${data.shenaseh}/`,
      tags: data.tags ?? [],
      services: [service.slug],
      ...(data.lead && { lead: data.lead, summary: data.lead }),
    };
    writeFileSync(path.join(out, 'content/news', `${data.shenaseh}.md`), `---\n${stringify(front)}---\n${split.body}`);
    count += 1;
  }
  return count;
}
