import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it('gives one slug to the space, ZWNJ and Arabic-yeh spellings', () => {
    expect(slugify('بین الملل')).toBe('بین-الملل');
    expect(slugify('بین‌الملل')).toBe('بین-الملل');
    expect(slugify('بين‌الملل')).toBe('بین-الملل');
  });

  it('lower-cases Latin and turns punctuation runs into one dash', () => {
    expect(slugify('  Hello, World! ')).toBe('hello-world');
  });

  it('treats Persian punctuation as a separator', () => {
    expect(slugify('«اخبار»، ورزش؛ چرا؟')).toBe('اخبار-ورزش-چرا');
  });

  it('folds letters and digits and drops marks and tatweel', () => {
    expect(slugify('كـتابِ ۱۴۰۲')).toBe('کتاب-1402');
    expect(slugify('مدرسة ٣')).toBe('مدرسه-3');
  });

  it('drops invisible controls instead of splitting on them', () => {
    expect(slugify('\u200fورزش\u200e')).toBe('ورزش');
  });

  it('returns an empty string when nothing is left', () => {
    expect(slugify(' ،؛ - ')).toBe('');
  });

  it('is idempotent and never starts or ends with a dash', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const slug = slugify(s);
        return slugify(slug) === slug && !slug.startsWith('-') && !slug.endsWith('-');
      }),
    );
  });
});
