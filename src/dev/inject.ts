import { CLIENT_PATH } from './client.ts';

/** What dev adds to one HTML page. */
export interface Injection {
  /** The digest of the page as served, which the client sends back to learn when it is stale. */
  page: string;
  /** The page shows a draft: it gets the «پیش‌نویس» banner. */
  draft?: boolean;
}

// Inline styles: the banner must show whatever the theme's stylesheet says.
const BANNER =
  '<div id="bayegan-draft" role="status" dir="rtl" lang="fa" style="position:sticky;top:0;z-index:2147483646;margin:0;padding:.5rem 1rem;' +
  'background:#ffd166;color:#3d2c00;font:bold 1rem/1.6 Vazirmatn,Tahoma,sans-serif;text-align:center;border-bottom:2px solid #b38600">' +
  'پیش‌نویس — این خبر منتشر نمی‌شود تا <code dir="ltr" style="white-space:nowrap">draft: true</code> از سرِ پرونده‌اش برداشته شود.</div>';

function insertAfterOpening(html: string, tag: string, text: string): string | undefined {
  const at = html.search(new RegExp(`<${tag}(?:\\s[^>]*)?>`, 'i'));
  if (at < 0) return undefined;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + text + html.slice(end);
}

function insertBefore(html: string, closing: RegExp, text: string): string | undefined {
  const at = html.search(closing);
  return at < 0 ? undefined : html.slice(0, at) + text + html.slice(at);
}

/** The page with the dev client script (and a draft's banner) added; the page's own markup is untouched otherwise. */
export function injectDev(html: string, injection: Injection): string {
  // The digest is hex: nothing in it needs escaping inside an attribute.
  const script = `<script src="${CLIENT_PATH}" data-page="${injection.page.replace(/[^0-9a-z:-]/gi, '')}" defer></script>`;
  let result = insertBefore(html, /<\/head\s*>/i, script) ?? insertBefore(html, /<\/body\s*>/i, script) ?? html + script;
  if (injection.draft) result = insertAfterOpening(result, 'body', BANNER) ?? BANNER + result;
  return result;
}
