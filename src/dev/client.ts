/**
 * The script every page gets in `dev` (and only there): it listens to the server's events
 * (server-sent events, which reconnect by themselves), puts the new version of the page in
 * place when what it shows changed, and shows the problems that keep the site from being rebuilt as an overlay above
 * the page, in its own shadow root so that the site's styles neither break it nor are broken.
 * Every text is set with `textContent`: a diagnostic quotes an author's text, never markup.
 */
export const CLIENT_PATH = '/__bayegan/client.js';

/** Where the client listens for the server's events. */
export const EVENTS_PATH = '/__bayegan/events';

/** The script, as served at {@link CLIENT_PATH}. */
export const CLIENT_SCRIPT = String.raw`(function () {
  'use strict';
  if (window.__bayeganDev) return;
  window.__bayeganDev = true;
  var script = document.currentScript;
  var page = (script && script.getAttribute('data-page')) || '';
  var query = '?path=' + encodeURIComponent(location.pathname) + '&page=' + encodeURIComponent(page);
  var events = new EventSource('${EVENTS_PATH}' + query);
  var server = null;
  var dismissed = '';
  events.addEventListener('hello', function (e) {
    // A restarted server knows nothing of this page: load it again.
    if (server !== null && server !== e.data) location.reload();
    server = e.data;
  });
  var problems = [];
  events.addEventListener('reload', refresh);
  events.addEventListener('problems', function (e) { problems = JSON.parse(e.data); show(problems); });

  function sheets(doc) {
    return Array.prototype.map.call(doc.querySelectorAll('link[rel~="stylesheet"]'), function (link) { return link.getAttribute('href'); }).join(' ');
  }

  // The page's new version replaces its body in place: no navigation, no stylesheet or font
  // fetched again, the scroll position kept. A page whose stylesheets changed is loaded again.
  function refresh() {
    fetch(location.href, { cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        if (!doc.body || sheets(doc) !== sheets(document)) return location.reload();
        var y = window.scrollY;
        document.title = doc.title;
        document.body.replaceWith(document.adoptNode(doc.body));
        window.scrollTo(0, y);
        show(problems);
      })
      .catch(function () { location.reload(); });
  }

  var STYLE = [
    ':host { all: initial; }',
    '.backdrop { position: fixed; inset: 0; z-index: 2147483647; background: rgba(20, 20, 24, .72); overflow: auto; font-family: Vazirmatn, Tahoma, sans-serif; }',
    '.panel { box-sizing: border-box; max-width: 56rem; margin: 4vh auto; padding: 1.25rem; background: #fff; color: #1b1b1f; border-block-start: .4rem solid #b3261e; border-radius: .5rem; box-shadow: 0 1rem 3rem rgba(0, 0, 0, .4); }',
    'h2 { margin: 0 0 .25rem; font-size: 1.25rem; color: #b3261e; }',
    'p { margin: .25rem 0; line-height: 1.8; }',
    '.en { direction: ltr; text-align: left; color: #44474e; }',
    'ol { list-style: none; margin: 1rem 0 0; padding: 0; }',
    'li { margin: 0 0 1rem; padding: .75rem; background: #fdf3f2; border-radius: .375rem; }',
    '.title { direction: rtl; font-weight: bold; }',
    '.where, .message, .note { direction: ltr; text-align: left; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .875rem; line-height: 1.6; overflow-wrap: anywhere; white-space: pre-wrap; }',
    '.where { color: #6b2c00; font-weight: bold; }',
    '.note { color: #44474e; }',
    'button { font: inherit; margin-block-start: .5rem; padding: .375rem 1rem; border: 1px solid #b3261e; border-radius: .375rem; background: #fff; color: #b3261e; cursor: pointer; }',
    '@media (max-width: 30rem) { .panel { margin: 0; border-radius: 0; min-height: 100%; } }'
  ].join('\n');

  function element(parent, tag, className, text, dir) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    if (dir) node.setAttribute('dir', dir);
    parent.appendChild(node);
    return node;
  }

  function remove() {
    var old = document.getElementById('bayegan-overlay');
    if (old) old.parentNode.removeChild(old);
  }

  function show(list) {
    remove();
    var key = JSON.stringify(list);
    if (list.length === 0 || key === dismissed) return;
    var host = document.createElement('div');
    host.id = 'bayegan-overlay';
    var root = host.attachShadow({ mode: 'open' });
    element(root, 'style', '', STYLE);
    var backdrop = element(root, 'div', 'backdrop');
    var panel = element(backdrop, 'section', 'panel', undefined, 'rtl');
    panel.setAttribute('role', 'alertdialog');
    panel.setAttribute('aria-label', 'خطا در ساختن سایت');
    var fa = list.length === 1 ? 'یک خطا' : list.length.toLocaleString('fa') + ' خطا';
    element(panel, 'h2', '', fa + ' سایت را از به‌روز شدن بازداشته است', 'rtl');
    element(panel, 'p', 'en', list.length + ' error' + (list.length === 1 ? '' : 's') + ' kept the site from being rebuilt', 'ltr');
    element(panel, 'p', '', 'تا درست شدن، آخرین نسخهٔ سالم سایت نمایش داده می‌شود. پرونده را درست و ذخیره کنید؛ این پیام خودبه‌خود می‌رود.', 'rtl');
    element(panel, 'p', 'en', 'The last good version of the site is shown meanwhile. Fix the file and save it: this message goes away by itself.', 'ltr');
    var items = element(panel, 'ol');
    list.forEach(function (d) {
      var item = element(items, 'li');
      if (d.titleFa) element(item, 'div', 'title', d.titleFa, 'rtl');
      element(item, 'div', 'where', d.file + ':' + d.line + ':' + d.column, 'ltr');
      element(item, 'div', 'message', d.severity + ': ' + d.message + ' [' + d.ruleId + ']', 'ltr');
      if (d.note) element(item, 'div', 'note', 'fix: ' + d.note, 'ltr');
      if (d.related) element(item, 'div', 'note', 'see: ' + d.related.file + ':' + d.related.line + ':' + d.related.column + ': ' + d.related.message, 'ltr');
    });
    var close = element(panel, 'button', '', 'بستن · Close');
    close.addEventListener('click', function () { dismissed = key; remove(); });
    (document.body || document.documentElement).appendChild(host);
  }
})();
`;
