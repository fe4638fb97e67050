import { describe, expect, it } from 'vitest';
import { envWholeNumber, inCi } from './env.ts';

describe('the environment', () => {
  it('knows CI by the CI variable, as CI services set it', () => {
    for (const value of ['true', '1', 'TRUE', 'yes', 'woodpecker']) expect(inCi({ CI: value }), value).toBe(true);
    for (const value of [undefined, '', ' ', '0', 'false', 'False']) expect(inCi({ CI: value }), String(value)).toBe(false);
  });

  it('reads whole numbers and nothing else', () => {
    expect(envWholeNumber('N', { N: '12' })).toBe(12);
    for (const value of [undefined, '', '-1', '1.5', '1e3', ' 2']) expect(envWholeNumber('N', { N: value }), String(value)).toBeUndefined();
  });
});
