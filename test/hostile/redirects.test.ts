import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { run } from '../helpers/cli.ts';
import { makeSandbox } from '../helpers/sandbox.ts';

describe('redirects of redirect-encoding/: encoded once, forced, their pages escaped', () => {
  pinSourceDateEpoch(1710880200);

  it('writes each alias percent-encoded exactly once with 301!, and a stub page per alias', async () => {
    const box = makeSandbox(path.join(import.meta.dirname, 'redirect-encoding/site'));
    const { code, err } = await run(['build', '--root', box.root]);
    expect(code, err).toBe(0);
    const dist = path.join(box.root, 'dist');
    expect(readFileSync(path.join(dist, '_redirects'), 'utf8')).toBe(
      ['/old/%D9%86%D8%B4%D8%A7%D9%86%DB%8C.html /news/1/ 301!', '/old/a%20b /news/1/ 301!', '/old/news.php/7 /news/1/ 301!', ''].join('\n'),
    );
    const stub = readFileSync(path.join(dist, 'old/a b/index.html'), 'utf8');
    expect(stub).toContain('<title>"&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; خبر</title>');
    const tree = fromHtml(stub);
    expect(JSON.stringify(tree)).not.toContain('"tagName":"script"');
    expect(readFileSync(path.join(dist, 'old/نشانی.html'), 'utf8')).toBe(stub);
  });
});
