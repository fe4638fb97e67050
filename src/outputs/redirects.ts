import { aliasSitePath, articlePath, withBase } from '../config/index.ts';
import { pageKey, type Output } from '../pages/index.ts';
import type { SiteModel } from '../site/index.ts';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Old URLs that must keep working: a small HTML page per alias (meta refresh and canonical link,
 * for any host), and `/_redirects` with real 301s for hosts that read it (Netlify, Cloudflare Pages).
 */
export function redirectOutputs(model: SiteModel): Output[] {
  const { config } = model;
  const rules: string[] = [];
  const outputs: Output[] = [];
  for (const article of model.articles) {
    if (article.aliases.length === 0) continue;
    const target = withBase(config.basePath, articlePath(article.shenaseh));
    const canonical = new URL(target.replace(/^\//, ''), new URL('/', config.baseUrl)).href;
    for (const alias of article.aliases) {
      const from = withBase(config.basePath, alias);
      rules.push(`${encodeURI(from)} ${target} 301`);
      const html = `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<title>${escapeHtml(article.title)}</title>
<link rel="canonical" href="${escapeHtml(canonical)}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">
</head>
<body>
<p>این خبر به نشانی تازه‌ای منتقل شده است: <a href="${escapeHtml(target)}">${escapeHtml(article.title)}</a></p>
</body>
</html>
`;
      outputs.push({ path: aliasSitePath(alias), key: pageKey('redirect-1', html), content: () => html });
    }
  }
  const text = rules.sort().join('\n') + (rules.length ? '\n' : '');
  outputs.push({ path: '/_redirects', key: pageKey('redirects-1', text), content: () => text });
  return outputs;
}
