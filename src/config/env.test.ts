import { describe, expect, it } from 'vitest';
import { envWholeNumber } from './env.ts';

describe('the environment', () => {
  it('reads whole numbers and nothing else', () => {
    expect(envWholeNumber('N', { N: '12' })).toBe(12);
    for (const value of [undefined, '', '-1', '1.5', '1e3', ' 2']) expect(envWholeNumber('N', { N: value }), String(value)).toBeUndefined();
  });
});
