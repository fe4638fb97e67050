import { describe, expect, it } from 'vitest';
import type { CheckedSource } from './article.ts';
import { crossFileKey } from './cross-key.ts';

function source(overrides: { title?: string; hash?: string; linkLine?: number; tag?: string } = {}): CheckedSource {
  const { title = 'خبر', hash = 'a'.repeat(64), linkLine = 8, tag = 'اقتصاد' } = overrides;
  const date = { jy: 1400, jm: 1, jd: 1 };
  return {
    path: 'content/news/1.md',
    shenaseh: { id: 1, place: { line: 3, column: 11 } },
    probableIds: [1],
    draft: false,
    date,
    tags: [{ key: tag, name: tag, spot: { line: 6, column: 8, start: 90, end: 96, style: 'plain', flow: true } }],
    aliases: [],
    links: [{ url: '/news/2/', line: linkLine, column: 3 }],
    images: [],
    fixes: [],
    article: {
      path: 'content/news/1.md', hash, shenaseh: 1, title, date, service: 'politics', tags: [{ key: tag, name: tag }],
      lead: '', summary: title, assets: [], aliases: [], draft: false, hasHtml: false,
    },
  };
}

describe('crossFileKey', () => {
  it('is the same for versions of a file that differ only in what no rule across files reads', () => {
    expect(crossFileKey(source({ title: 'خبر دیگر', hash: 'b'.repeat(64) }))).toBe(crossFileKey(source()));
  });

  it('differs when a link moves or a tag changes', () => {
    expect(crossFileKey(source({ linkLine: 9 }))).not.toBe(crossFileKey(source()));
    expect(crossFileKey(source({ tag: 'ورزش' }))).not.toBe(crossFileKey(source()));
  });
});
