import { aliasSitePath, articlePath, withBase } from '../config/index.ts';
import { encodeUrlPath, escapeHtmlAttribute, escapeHtmlText, pageKey, type Output } from '../pages/index.ts';
import type { SiteModel } from '../site/index.ts';

function stub(title: string, target: string, canonical: string): string {
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escapeHtmlText(title)}</title>
<link rel="canonical" href="${escapeHtmlAttribute(canonical)}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${escapeHtmlAttribute(target)}">
</head>
<body>
<p>این خبر به نشانی تازه‌ای منتقل شده است: <a href="${escapeHtmlAttribute(target)}">${escapeHtmlText(title)}</a></p>
</body>
</html>
`;
}

/**
 * Old URLs that must keep working: a small HTML page per alias (meta refresh and canonical link,
 * for any host), and `/_redirects` with real 301s for hosts that read it (Netlify, Cloudflare
 * Pages). Its rules are forced (`301!`): those hosts otherwise serve a file that exists at the
 * old path, the HTML page itself, instead of redirecting. Each path is percent-encoded once.
 */
export function redirectOutputs(model: SiteModel): Output[] {
  const { config } = model;
  const rules: string[] = [];
  const outputs: Output[] = [];
  for (const article of model.articles) {
    if (article.aliases.length === 0) continue;
    const target = encodeUrlPath(withBase(config.basePath, articlePath(article.shenaseh)));
    const canonical = new URL(target.replace(/^\//, ''), new URL('/', config.baseUrl)).href;
    const html = stub(article.title, target, canonical);
    for (const alias of article.aliases) {
      rules.push(`${encodeUrlPath(withBase(config.basePath, alias))} ${target} 301!`);
      outputs.push({ path: aliasSitePath(alias), key: pageKey('redirect-2', html), content: () => html });
    }
  }
  const text = rules.sort().join('\n') + (rules.length ? '\n' : '');
  outputs.push({ path: '/_redirects', key: pageKey('redirects-2', text), content: () => text });
  return outputs;
}
